package org.twinflow.bench;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.system.StaffGroups;

/**
 * Brings the database to a number of proposals quickly: domain rows by JDBC batches and engine instances started
 * at their waits, 200 proposals per transaction of each, in several threads (the work waits on the database's
 * round trips more than on the processors), then lets the job executor finish the notices and the finished
 * proposals' ends. Every tenth open task is made overdue (the Overdue filter has work). Seeding is cumulative: the
 * next scale adds to the last.
 */
final class ScaleSeeder {

    private static final int CHUNK = 200;
    static final String SCALE_OFFICER = "benchscalecity";

    private final TwinflowUnderTest app;
    private final BenchPeople people;
    private final ProcessWatch watch;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SeededDomainRows rows;
    private final SeededInstances instances;
    private final int threads;
    private long seeded;
    private final AtomicLong domainNanos = new AtomicLong();
    private volatile String measuredReference;
    private final List<String> screeningReferences = Collections.synchronizedList(new ArrayList<>());

    ScaleSeeder(TwinflowUnderTest app, BenchPeople people, ProcessWatch watch, int threads) {
        this.threads = threads;
        this.app = app;
        this.people = people;
        this.watch = watch;
        this.jdbc = app.bean(JdbcTemplate.class);
        this.transaction = new TransactionTemplate(app.bean(PlatformTransactionManager.class));
        this.rows = new SeededDomainRows(jdbc, people.reviewers);
        this.instances = new SeededInstances(app, people.committee.get(0));
    }

    /** Seeds until the database holds at least {@code total} proposals; returns what it did and how long it took. */
    Map<String, Object> seedTo(int total) {
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM proposal", Long.class);
        long toSeed = Math.max(0, total - existing);
        toSeed = (toSeed + SeededDomainRows.PROPOSALS_PER_CITY - 1) / SeededDomainRows.PROPOSALS_PER_CITY * SeededDomainRows.PROPOSALS_PER_CITY;
        long begin = System.nanoTime();
        Instant now = app.bean(Clock.class).instant();
        SqlStatementCounter.Counts statementsBefore = app.statements().snapshot();
        domainNanos.set(0);
        app.quietLog(true);
        try {
            seedInParallel(seeded, seeded + toSeed, now, begin);
            seeded += toSeed;
            long instancesDone = System.nanoTime();
            makeEveryTenthOpenTaskOverdue(now);
            watch.awaitJobsDone(Duration.ofMinutes(120));
            long jobsDone = System.nanoTime();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("seededProposals", toSeed);
            result.put("seedingSeconds", Math.round((instancesDone - begin) / 1e8) / 10.0);
            result.put("jobsAfterSeedingSeconds", Math.round((jobsDone - instancesDone) / 1e8) / 10.0);
            result.put("totalSeconds", Math.round((jobsDone - begin) / 1e8) / 10.0);
            result.put("threads", threads);
            result.put("domainRowsSecondsAllThreads", Math.round(domainNanos.get() / 1e8) / 10.0);
            result.put("instanceMillisByStateAllThreads", instances.takeMillisByState());
            SqlStatementCounter.Counts statements = app.statements().snapshot().minus(statementsBefore);
            result.put("statementsPerProposal", toSeed == 0 ? 0 : (statements.of(SqlStatementCounter.Source.OTHER)
                    + statements.operation()) / toSeed);
            return result;
        } finally {
            app.quietLog(false);
        }
    }

    /** Proposals number {@code from} to {@code to - 1}, in chunks taken by the threads in turn. */
    private void seedInParallel(long from, long to, Instant now, long begin) {
        AtomicLong next = new AtomicLong(from);
        AtomicLong done = new AtomicLong();
        AtomicLong lastReport = new AtomicLong(System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            workers.add(pool.submit(() -> {
                long start;
                while ((start = next.getAndAdd(CHUNK)) < to) {
                    int count = (int) Math.min(CHUNK, to - start);
                    seedChunk(start, count, now);
                    long seededNow = done.addAndGet(count);
                    long reported = lastReport.get();
                    if (System.nanoTime() - reported > 30e9 && lastReport.compareAndSet(reported, System.nanoTime())) {
                        System.out.printf("[bench]   seeded %d of %d proposals (%.0f s)%n", seededNow, to - from, (System.nanoTime() - begin) / 1e9);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException failed) {
            throw new IllegalStateException("Seeding failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } finally {
            pool.shutdownNow();
        }
    }

    private void seedChunk(long start, int count, Instant now) {
        long firstCity = start / SeededDomainRows.PROPOSALS_PER_CITY;
        int cities = count / SeededDomainRows.PROPOSALS_PER_CITY;
        long begin = System.nanoTime();
        List<SeededDomainRows.Seeded> chunk = transaction.execute(status -> {
            List<Long> cityIds = rows.cities(firstCity, cities, now);
            return rows.proposals(start, count, cityIds, firstCity, now);
        });
        domainNanos.addAndGet(System.nanoTime() - begin);
        startInstances(chunk);
        if (start == 0) {
            measuredCity(chunk);
        }
        long measuredCity = chunk.get(0).cityId();
        chunk.stream().filter(p -> p.state() == SeedState.IN_SCREENING && !(start == 0 && p.cityId() == measuredCity))
                .forEach(p -> screeningReferences.add(p.reference()));
    }

    /** The chunk's instances in one transaction; a deadlock with a parallel chunk rolls it all back, so it is tried again. */
    private void startInstances(List<SeededDomainRows.Seeded> chunk) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> chunk.forEach(instances::start));
                return;
            } catch (RuntimeException failed) {
                if (attempt == 3) {
                    throw failed;
                }
                System.out.printf("[bench]   seeding chunk of %s tried again after: %s%n", chunk.get(0).reference(), failed);
            }
        }
    }

    /** The first seeded city gets an officer who signs in: its twenty proposals are the "My proposals" measured at every scale. */
    private void measuredCity(List<SeededDomainRows.Seeded> first) {
        SeededDomainRows.Seeded rejected = first.stream().limit(SeededDomainRows.PROPOSALS_PER_CITY)
                .filter(p -> p.state() == SeedState.REJECTED).findFirst().orElseThrow();
        measuredReference = rejected.reference();
        TestUsers.ensure(app.engine().getIdentityService(), SCALE_OFFICER, "Seeded", "Officer", SCALE_OFFICER + "@seeded.example",
                BenchPeople.PASSWORD, StaffGroups.CITIES);
        app.bean(CityAccounts.class).link(SCALE_OFFICER, rejected.cityId());
    }

    private void makeEveryTenthOpenTaskOverdue(Instant now) {
        try (PreparedStatement overdue = watch.connection().prepareStatement(
                "UPDATE ACT_RU_TASK SET DUE_DATE_ = ? WHERE MOD(CRC32(ID_), 10) = 0 AND DUE_DATE_ > ?");
                PreparedStatement history = watch.connection().prepareStatement(
                        "UPDATE ACT_HI_TASKINST h JOIN ACT_RU_TASK t ON t.ID_ = h.ID_ SET h.DUE_DATE_ = t.DUE_DATE_ WHERE MOD(CRC32(t.ID_), 10) = 0")) {
            overdue.setTimestamp(1, Timestamp.from(now.minus(3, ChronoUnit.DAYS)));
            overdue.setTimestamp(2, Timestamp.from(now));
            overdue.executeUpdate();
            history.executeUpdate();
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot make tasks overdue", failed);
        }
    }

    /** What the database holds now: proposals by status, open tasks, instances, history rows, and its size. */
    Map<String, Object> inventory(String schema) {
        Map<String, Object> inventory = new LinkedHashMap<>();
        inventory.put("proposals", jdbc.queryForObject("SELECT COUNT(*) FROM proposal", Long.class));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) FROM proposal GROUP BY status ORDER BY status", rs -> {
            byStatus.put(rs.getString(1), rs.getLong(2));
        });
        inventory.put("proposalsByStatus", byStatus);
        for (String table : List.of("ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_VARIABLE", "ACT_RU_AUTHORIZATION", "ACT_RU_JOB",
                "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_GE_BYTEARRAY")) {
            inventory.put(table, watch.count("SELECT COUNT(*) FROM " + table, List.of()));
        }
        inventory.put("openTasks", watch.count("SELECT COUNT(*) FROM ACT_RU_TASK", List.of()));
        inventory.put("overdueTasks", watch.count("SELECT COUNT(*) FROM ACT_RU_TASK WHERE DUE_DATE_ < UTC_TIMESTAMP()", List.of()));
        inventory.put("databaseMegabytes", sizeInMegabytes(schema));
        return inventory;
    }

    private double sizeInMegabytes(String schema) {
        try (PreparedStatement size = watch.connection().prepareStatement(
                "SELECT COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?")) {
            size.setString(1, schema);
            try (ResultSet result = size.executeQuery()) {
                result.next();
                return Math.round(result.getLong(1) / 1e5) / 10.0;
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    String measuredReference() {
        return measuredReference;
    }

    /** Seeded proposals waiting at screening, for completions measured at a scale (each one taken once). */
    String takeScreeningReference() {
        if (screeningReferences.isEmpty()) {
            throw new IllegalStateException("No seeded proposal left at screening");
        }
        return screeningReferences.remove(screeningReferences.size() - 1);
    }
}
