package org.twinflow.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The performance benchmark of issue 9: {@code ./mvnw -Pbench verify} (docs/performance.md). It starts Twinflow as
 * production runs it on a fresh database of the MySQL-compatible server and measures, in this order: submissions
 * through the portal by 1, 4 and 16 cities (and, in the same run, the bare engine and raw JDBC doing the same work),
 * what single operations cost in SQL and in history, the staff's work in Tasklist by 1 and 4 people, HTTP Basic
 * against the session, and the reads and completions at growing numbers of proposals. It prints tables, writes
 * target/bench/results.json, and fails when anything answered with an error, an incident arose, or a submission
 * never reached screening.
 */
class TwinflowBenchmark {

    private final BenchSettings settings = BenchSettings.fromEnvironment();
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final Map<String, Object> load = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    @Test
    void measure() throws Exception {
        results.put("startedAt", Instant.now().toString());
        results.put("commit", EnvironmentInfo.commit());
        results.put("benchSettings", settingsForReport());
        results.put("machine", EnvironmentInfo.machine());
        results.put("jvm", EnvironmentInfo.jvm());
        results.put("load", load);
        Throwable broken = null;
        try (BenchDatabase database = BenchDatabase.connect(settings)) {
            results.put("database", database.describe());
            String appDatabase = database.create("app");
            progress("starting Twinflow (profile mysql, job executor on) on " + appDatabase + " at " + database.server());
            try (TwinflowUnderTest app = TwinflowUnderTest.start(database, appDatabase);
                    ProcessWatch watch = new ProcessWatch(database, appDatabase)) {
                results.put("application", app.settings());
                run(app, watch, database, appDatabase);
            }
        } catch (Exception | AssertionError failure) {
            broken = failure;
            errors.add("The run stopped: " + failure);
        } finally {
            results.put("finishedAt", Instant.now().toString());
            results.put("errors", errors);
            BenchReport.write(results);
            System.out.println();
            System.out.println(BenchReport.tables(results));
            System.out.println("[bench] all figures: " + BenchReport.RESULTS.toAbsolutePath());
        }
        if (broken != null) {
            throw new AssertionError("The benchmark stopped: " + broken, broken);
        }
        if (!errors.isEmpty()) {
            fail(errors.size() + " errors (every answer must be 2xx or 3xx, no incident, every submission at screening):\n  "
                    + String.join("\n  ", errors));
        }
    }

    private void run(TwinflowUnderTest app, ProcessWatch watch, BenchDatabase database, String appDatabase) throws Exception {
        Duration timeout = Duration.ofSeconds(settings.httpTimeoutSeconds());
        BenchPeople people = BenchPeople.create(app, settings.maxCities(), settings.maxStaff());
        PortalSubmissions submissions = new PortalSubmissions(app, people, watch);
        StaffTasks staff = new StaffTasks(app, people, timeout);
        List<SharedFilters.SharedFilter> filters = SharedFilters.of(app);
        List<String> atScreening = new ArrayList<>();

        progress("warm-up: " + settings.warmUpSubmissions() + " submissions");
        MachineLoad.Window window = MachineLoad.watch();
        // The year's first submission alone: when several cities send the first one at once, ReferenceGenerator's
        // duplicate-key path deadlocks (docs/performance.md, findings), which is not what the benchmark measures.
        PortalSubmissions.Level first = submissions.run(1, 1);
        collectErrors("the year's first submission", first.http().errors());
        atScreening.addAll(first.references());
        PortalSubmissions.Level warmUp = submissions.run(Math.min(4, settings.maxCities()), settings.warmUpSubmissions());
        collectErrors("warm-up", warmUp.http().errors());
        atScreening.addAll(warmUp.references());
        load.put("warm-up", window.end());

        progress("SQL statements per operation: " + settings.costSamples() + " proposals along the whole path, one step at a time");
        window = MachineLoad.watch();
        CostPerOperation costs = new CostPerOperation(app, submissions, staff, people, watch);
        costs.run(settings.costSamples());
        results.put("costPerOperation", costs.results());
        results.put("historyPerFinishedProposal", costs.historyPerFinishedProposal(appDatabase));
        load.put("costPerOperation", window.end());

        window = MachineLoad.watch();
        Map<String, Object> portal = new LinkedHashMap<>();
        for (int cities : settings.cityCounts()) {
            progress("submissions by " + cities + " cities at once: " + settings.submissionsPerLevel());
            PortalSubmissions.Level level = submissions.run(cities, settings.submissionsPerLevel());
            collectErrors("submissions by " + cities, level.http().errors());
            atScreening.addAll(level.references());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("submissions", level.http().operations());
            result.put("throughputToScreeningPerSecond", round(level.throughputToScreening()));
            result.put("httpThroughputPerSecond", round(level.http().throughputPerSecond()));
            result.put("jvmCpuMsPerSubmission", ProcessCpu.msPer(level.cpuNanos(), level.http().operations()));
            result.put("latency", level.http().latency().asMap());
            result.put("postLatency", level.post().asMap());
            result.put("errors", level.http().errors().size());
            portal.put(Integer.toString(cities), result);
            System.out.printf("[bench]   %d cities: %.1f submissions/s to screening, p50 %.0f ms, p99 %.0f ms, errors %d%n", cities,
                    level.throughputToScreening(), level.http().latency().p50(), level.http().latency().p99(), level.http().errors().size());
        }
        results.put("submissions", portal);
        baselines(app, database, appDatabase, costs, portal);
        load.put("submissions", window.end());

        window = MachineLoad.watch();
        StaffWork work = new StaffWork(people, staff, watch, filters);
        work.warmUp(settings.maxStaff());
        for (int users : settings.staffCounts()) {
            progress("staff work by " + users + " at once: filters, then " + settings.staffTasksPerLevel() + " proposals to a decision");
            // each staff member the same share, so that every stage finds the tasks the stage before left
            int share = Math.min(settings.staffTasksPerLevel(), atScreening.size()) / users * users;
            List<String> proposals = new ArrayList<>(atScreening.subList(0, share));
            atScreening.removeAll(proposals);
            work.run(users, proposals, settings.readIterations());
        }
        results.put("staffWork", work.results());
        collectErrors("staff work", work.errors());
        load.put("staffWork", window.end());

        progress("HTTP Basic against the session");
        window = MachineLoad.watch();
        Map<String, Object> basic = BasicAuthLatency.measure(app, staff.session(people.secretariat.get(0)), BenchPeople.PASSWORD,
                settings.readIterations(), timeout);
        results.put("basicAuth", basic);
        @SuppressWarnings("unchecked")
        List<String> basicErrors = (List<String>) basic.get("errorMessages");
        collectErrors("HTTP Basic", basicErrors);
        load.put("basicAuth", window.end());

        Map<String, Object> scales = new LinkedHashMap<>();
        results.put("scales", scales);
        ScaleSeeder seeder = new ScaleSeeder(app, people, watch, settings.seedThreads());
        ScaleReads reads = new ScaleReads(app, people, staff, watch, filters, settings);
        TasklistSession administrator = TasklistSession.signIn(app.port(), app.engineName(), TwinflowUnderTest.ADMIN_ID,
                TwinflowUnderTest.ADMIN_PASSWORD, timeout);
        for (int scale : settings.scales().stream().sorted().toList()) {
            progress("seeding up to " + scale + " proposals");
            window = MachineLoad.watch();
            Map<String, Object> atScale = new LinkedHashMap<>();
            atScale.put("seeding", seeder.seedTo(scale));
            load.put("seeding " + scale, window.end());
            atScale.put("inventory", seeder.inventory(appDatabase));
            progress("reads at " + atScale.get("inventory") + "");
            window = MachineLoad.watch();
            atScale.put("reads", reads.measure(seeder, administrator, scale));
            load.put("scale " + scale, window.end());
            scales.put(Integer.toString(scale), atScale);
            BenchReport.write(results);
        }
        collectErrors("reads", reads.errors());
        watch.failOnIncidents();
    }

    /** The bare engine and raw JDBC at the same thread counts, and the submissions' ratios to them. */
    private void baselines(TwinflowUnderTest app, BenchDatabase database, String appDatabase, CostPerOperation costs, Map<String, Object> portal)
            throws Exception {
        Map<String, Object> bare = new LinkedHashMap<>();
        progress("baseline: the bare engine starting a minimal process");
        try (BareEngineBaseline engine = new BareEngineBaseline(app, database, database.create("bare"))) {
            engine.run(Math.min(4, settings.maxCities()), settings.warmUpSubmissions());
            for (int threads : settings.cityCounts()) {
                bare.put(Integer.toString(threads), outcome("bare engine, " + threads + " threads",
                        engine.run(threads, Math.max(1, settings.submissionsPerLevel() / threads))));
            }
        }
        results.put("bareEngine", bare);
        Map<String, Object> raw = new LinkedHashMap<>();
        progress("baseline: raw JDBC sending a submission's " + costs.submissionWrites().size() + " writes in one transaction");
        long proposalId = app.bean(JdbcTemplate.class).queryForObject("SELECT id FROM proposal WHERE reference = ?", Long.class,
                costs.capturedReference());
        try (RawJdbcBaseline jdbc = new RawJdbcBaseline(app, database, appDatabase, database.create("raw"), costs.submissionWrites(),
                costs.capturedReference(), proposalId)) {
            raw.put("statementsPerTransaction", jdbc.statementsPerTransaction());
            raw.put("insertedRowsByTable", jdbc.insertedRowsByTable());
            jdbc.run(Math.min(4, settings.maxCities()), settings.warmUpSubmissions());
            for (int threads : settings.cityCounts()) {
                raw.put(Integer.toString(threads), outcome("raw JDBC, " + threads + " threads",
                        jdbc.run(threads, Math.max(1, settings.submissionsPerLevel() / threads))));
            }
            raw.put("deadlocksRetried", jdbc.deadlocksRetried());
        }
        results.put("rawJdbc", raw);
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (int cities : settings.cityCounts()) {
            String level = Integer.toString(cities);
            double submissions = ((Number) BenchReport.map(portal, level).get("throughputToScreeningPerSecond")).doubleValue();
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put("submissionToBareEngine", ratio(submissions, BenchReport.map(bare, level)));
            ratio.put("submissionToRawJdbc", ratio(submissions, BenchReport.map(raw, level)));
            ratios.put(level, ratio);
        }
        results.put("ratios", ratios);
    }

    private Map<String, Object> outcome(String what, ConcurrentRun.Outcome outcome) {
        collectErrors(what, outcome.errors());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("operations", outcome.operations());
        result.put("throughputPerSecond", round(outcome.throughputPerSecond()));
        result.put("jvmCpuMsPerOperation", outcome.cpuMsPerOperation());
        result.put("latency", outcome.latency().asMap());
        result.put("errors", outcome.errors().size());
        System.out.printf("[bench]   %s: %.1f/s, p50 %.1f ms, errors %d%n", what, outcome.throughputPerSecond(), outcome.latency().p50(),
                outcome.errors().size());
        return result;
    }

    private static Double ratio(double submissions, Map<String, Object> baseline) {
        Object throughput = baseline.get("throughputPerSecond");
        return throughput instanceof Number n && n.doubleValue() > 0 ? Math.round(submissions / n.doubleValue() * 1000) / 1000.0 : null;
    }

    private void collectErrors(String phase, List<String> found) {
        found.stream().limit(10).forEach(error -> errors.add(phase + ": " + error));
    }

    private Map<String, Object> settingsForReport() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("server", settings.server());
        report.put("scales", settings.scales());
        report.put("cities", settings.cityCounts());
        report.put("staff", settings.staffCounts());
        report.put("submissionsPerLevel", settings.submissionsPerLevel());
        report.put("warmUpSubmissions", settings.warmUpSubmissions());
        report.put("staffTasksPerLevel", settings.staffTasksPerLevel());
        report.put("readIterations", settings.readIterations());
        report.put("readBudgetSeconds", settings.readBudgetSeconds());
        report.put("costSamples", settings.costSamples());
        report.put("completionsAtScale", settings.completionsAtScale());
        report.put("seedThreads", settings.seedThreads());
        return report;
    }

    private static void progress(String message) {
        System.out.printf("[bench] %tT %s%n", System.currentTimeMillis(), message);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
