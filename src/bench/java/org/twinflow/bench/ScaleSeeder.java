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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.system.StaffGroups;

/**
 * Brings the database to a number of proposals quickly: domain rows by JDBC batches and engine instances started
 * at their waits, 200 proposals per transaction of each, then lets the job executor finish the notices and the
 * finished proposals' ends. Every tenth open task is made overdue (the Overdue filter has work). Seeding is
 * cumulative: the next scale adds to the last.
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
    private long seeded;
    private String measuredReference;
    private final List<String> screeningReferences = new ArrayList<>();

    ScaleSeeder(TwinflowUnderTest app, BenchPeople people, ProcessWatch watch) {
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
        app.quietLog(true);
        try {
            long lastReport = System.nanoTime();
            for (long done = 0; done < toSeed; done += CHUNK) {
                int count = (int) Math.min(CHUNK, toSeed - done);
                seedChunk(count, now);
                if (System.nanoTime() - lastReport > 15e9) {
                    System.out.printf("[bench]   seeded %d of %d proposals (%.0f s)%n", done + count, toSeed, (System.nanoTime() - begin) / 1e9);
                    lastReport = System.nanoTime();
                }
            }
            long instancesDone = System.nanoTime();
            makeEveryTenthOpenTaskOverdue(now);
            watch.awaitJobsDone(Duration.ofMinutes(120));
            long jobsDone = System.nanoTime();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("seededProposals", toSeed);
            result.put("seedingSeconds", Math.round((instancesDone - begin) / 1e8) / 10.0);
            result.put("jobsAfterSeedingSeconds", Math.round((jobsDone - instancesDone) / 1e8) / 10.0);
            result.put("totalSeconds", Math.round((jobsDone - begin) / 1e8) / 10.0);
            return result;
        } finally {
            app.quietLog(false);
        }
    }

    private void seedChunk(int count, Instant now) {
        long firstCity = seeded / SeededDomainRows.PROPOSALS_PER_CITY;
        int cities = count / SeededDomainRows.PROPOSALS_PER_CITY;
        List<SeededDomainRows.Seeded> chunk = transaction.execute(status -> {
            List<Long> cityIds = rows.cities(firstCity, cities, now);
            return rows.proposals(seeded, count, cityIds, firstCity, now);
        });
        transaction.executeWithoutResult(status -> chunk.forEach(instances::start));
        if (seeded == 0) {
            measuredCity(chunk);
        }
        chunk.stream().filter(p -> p.state() == SeedState.IN_SCREENING && !p.reference().equals(measuredReference))
                .forEach(p -> screeningReferences.add(p.reference()));
        seeded += count;
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
