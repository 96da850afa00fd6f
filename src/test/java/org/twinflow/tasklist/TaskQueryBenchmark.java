package org.twinflow.tasklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.HdrHistogram.Histogram;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.Jobs;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * Times the staff's task queries with authorization checks on, on a throw-away database of the MySQL-compatible
 * test server, with 1 000 / 10 000 / 100 000 open tasks ({@link TaskLoad}), variant by variant: Camunda's own query
 * (a second, unpatched engine on the same database) with and without the engine flags and extra indexes, and the
 * application's engine with the EXISTS rewrite. Not part of {@code ./mvnw verify} (the name ends in neither Test nor
 * IT); run it alone:
 * <pre>
 * ./mvnw -B test -Dtest=TaskQueryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     [-Dbench.sizes=1000,10000,100000] [-Dbench.variants=camunda,flags,...] [-Dbench.iterations=30]
 * </pre>
 * Results go to the console and {@code target/taskquery-benchmark.md}; docs/performance-task-queries.md explains them.
 */
@ExtendWith(MySqlTestDatabase.class)
// Its seeding and set-up write with plain JdbcTemplate calls outside transactions: with the application's
// auto-commit off they would be rolled back when each connection goes back to the pool.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.datasource.hikari.auto-commit=true")
@ActiveProfiles("mysql")
@DirtiesContext
class TaskQueryBenchmark {

    /** Indexes of the engine-schema migration that this benchmark removes for the variants without them. */
    static final Map<String, String> INDEXES = new LinkedHashMap<>();

    static {
        INDEXES.put("TW_IDX_TASK_DUE_DATE", "ACT_RU_TASK(DUE_DATE_)");
        INDEXES.put("TW_IDX_TASK_KEY_DUE", "ACT_RU_TASK(TASK_DEF_KEY_, DUE_DATE_)");
    }

    static final String PARENT_INDEX = "TW_IDX_TASK_PARENT";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "benchadmin", "bench-admin-" + Long.toHexString(System.nanoTime()));
    }

    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProposalService proposals;
    @Autowired CityRepository cities;
    @Autowired Clock clock;

    private final Path report = Path.of("target", "taskquery-benchmark.md");
    private ProcessEngine camunda;

    record Variant(String name, boolean patched, boolean flags, boolean indexes, boolean definitionGrants) {

        Variant(String name, boolean patched, boolean flags, boolean indexes) {
            this(name, patched, flags, indexes, false);
        }
    }

    static final List<Variant> VARIANTS = List.of(
            new Variant("camunda", false, true, false),
            new Variant("flags", false, false, false),
            new Variant("flags+indexes", false, false, true),
            new Variant("exists", true, true, false),
            new Variant("exists+flags", true, false, false),
            new Variant("exists+flags+indexes", true, false, true),
            // NOT safe (every member of a group would see all tasks of both processes): what fewer rows would buy
            new Variant("unsafe: READ_TASK per definition and no per-task rows", false, false, true, true));

    @Test
    void measure() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,10000,100000").split(",")).map(Integer::parseInt).toList();
        List<String> wanted = List.of(System.getProperty("bench.variants", String.join(",", VARIANTS.stream().map(Variant::name).toList())).split(","));
        int iterations = Integer.getInteger("bench.iterations", 30);
        camunda = unpatchedEngine();
        try {
            TaskLoad load = new TaskLoad(engine, jdbc);
            load.prepare();
            write("\n## Run of " + java.time.Instant.now() + " (" + jdbc.queryForObject("SELECT VERSION()", String.class) + ", load "
                    + loadAverage() + ")\n\n| open tasks | variant | user | query | p50 ms | p95 ms | max ms | runs | rows |\n|---|---|---|---|---|---|---|---|---|\n");
            for (int size : sizes) {
                load.growTo(size);
                int open = load.openTasks();
                for (Variant variant : VARIANTS) {
                    if (wanted.contains(variant.name())) {
                        run(variant, open, iterations);
                    }
                }
                completions(open);
            }
            write("\nload at the end: " + loadAverage() + "\n");
            long pause = Long.getLong("bench.pause-seconds", 0);
            if (pause > 0) {
                System.out.println("Database " + MySqlTestDatabase.current() + " kept for " + pause + " s");
                Thread.sleep(pause * 1000);
            }
        } finally {
            camunda.close();
        }
    }

    private void run(Variant variant, int open, int iterations) throws IOException {
        ProcessEngine target = variant.patched() ? engine : camunda;
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) target).getProcessEngineConfiguration();
        configuration.setCmmnEnabled(variant.flags());
        configuration.setStandaloneTasksEnabled(variant.flags());
        indexes(variant.indexes());
        if (variant.definitionGrants()) {
            if (open > 20_000) {
                return;
            }
            definitionGrantsInsteadOfTaskRows();
        }
        try {
            runAs(target, variant, open, !variant.patched() && open > 20_000 ? 1 : iterations);
        } finally {
            if (variant.definitionGrants()) {
                restoreTaskRows();
            }
        }
    }

    private void runAs(ProcessEngine target, Variant variant, int open, int iterations) throws IOException {
        boolean quick = iterations == 1;
        Map<String, String> filters = new LinkedHashMap<>();
        target.getFilterService().createTaskFilterQuery().list().forEach(f -> filters.put(f.getName(), f.getId()));
        for (Map.Entry<String, List<String>> user : users().entrySet()) {
            target.getIdentityService().setAuthentication(user.getKey(), user.getValue());
            try {
                for (Map.Entry<String, String> filter : filters.entrySet()) {
                    if (!visible(target, filter.getValue()) || quick && !filter.getKey().equals(TasklistFilters.SCREENING)) {
                        continue;
                    }
                    String id = filter.getValue();
                    probe(open, variant, user.getKey(), "filter " + filter.getKey() + " list 15", iterations,
                            () -> target.getFilterService().listPage(id, 0, 15).size());
                    probe(open, variant, user.getKey(), "filter " + filter.getKey() + " count", iterations,
                            () -> target.getFilterService().count(id));
                }
                if (user.getValue().contains(StaffGroups.SECRETARIAT)) {
                    probe(open, variant, user.getKey(), "GET /task?candidateGroup=secretariat&sortBy=dueDate 15", iterations,
                            () -> target.getTaskService().createTaskQuery().taskCandidateGroup(StaffGroups.SECRETARIAT).orderByDueDate().asc()
                                    .listPage(0, 15).size());
                    probe(open, variant, user.getKey(), "GET /task/count?candidateGroup=secretariat", iterations,
                            () -> target.getTaskService().createTaskQuery().taskCandidateGroup(StaffGroups.SECRETARIAT).count());
                    if (!quick) {
                        probe(open, variant, user.getKey(), "GET /task without maxResults", Math.min(iterations, 5),
                                () -> target.getTaskService().createTaskQuery().list().size());
                    }
                }
                if (quick) {
                    return;
                }
            } finally {
                target.getIdentityService().clearAuthentication();
            }
        }
    }

    private static boolean visible(ProcessEngine target, String filterId) {
        return target.getFilterService().createTaskFilterQuery().filterId(filterId).count() > 0;
    }

    private Map<String, List<String>> users() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put(TaskLoad.SECRETARY, List.of(StaffGroups.SECRETARIAT));
        users.put(TaskLoad.reviewer(3), List.of(StaffGroups.REVIEWERS));
        users.put(TaskLoad.COMMITTEE_MEMBER, List.of(StaffGroups.COMMITTEE));
        users.put("benchadmin", List.of(StaffGroups.ADMINS));
        return users;
    }

    private void probe(int open, Variant variant, String user, String query, int iterations, Supplier<Object> call) throws IOException {
        Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long budget = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.budget-seconds", 20));
        Object rows = null;
        int warmups = 2;
        for (int i = 0; i < iterations + warmups; i++) {
            long start = System.nanoTime();
            try {
                rows = call.get();
            } catch (RuntimeException failed) {
                rows = "failed: " + failed.getClass().getSimpleName();
            }
            long micros = (System.nanoTime() - start) / 1000;
            if (i >= warmups || micros > 5_000_000) {
                histogram.recordValue(Math.max(1, micros));
            }
            if (System.nanoTime() > budget && (histogram.getTotalCount() >= 3 || micros > 5_000_000)) {
                break;
            }
        }
        write(String.format("| %d | %s | %s | %s | %.1f | %.1f | %.1f | %d | %s |%n", open, variant.name(), user, query,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getMaxValue() / 1000.0, histogram.getTotalCount(), rows));
    }

    /** The per-task TASK authorizations moved aside; the staff groups get READ_TASK on both process definitions instead. */
    private void definitionGrantsInsteadOfTaskRows() {
        jdbc.execute("CREATE TABLE bench_task_auth AS SELECT * FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ <> '*'");
        jdbc.execute("DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ <> '*'");
        jdbc.update("UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = PERMS_ | 64 WHERE RESOURCE_TYPE_ = 6 AND GROUP_ID_ IN (?, ?, ?)",
                StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE);
        jdbc.execute("ANALYZE TABLE ACT_RU_AUTHORIZATION");
    }

    private void restoreTaskRows() {
        jdbc.update("UPDATE ACT_RU_AUTHORIZATION SET PERMS_ = PERMS_ & ~64 WHERE RESOURCE_TYPE_ = 6 AND GROUP_ID_ IN (?, ?, ?)",
                StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE);
        jdbc.execute("INSERT INTO ACT_RU_AUTHORIZATION SELECT * FROM bench_task_auth");
        jdbc.execute("DROP TABLE bench_task_auth");
        jdbc.execute("ANALYZE TABLE ACT_RU_AUTHORIZATION");
    }

    /** Completing a screening task of a real proposal, without and with the index on PARENT_TASK_ID_. */
    private void completions(int open) throws IOException {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        configuration.setCmmnEnabled(false);
        configuration.setStandaloneTasksEnabled(false);
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        for (boolean index : List.of(false, true)) {
            dropIndex(PARENT_INDEX);
            if (index) {
                jdbc.execute("CREATE INDEX " + PARENT_INDEX + " ON ACT_RU_TASK(PARENT_TASK_ID_)");
            }
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(lead.getId(), LocalDate.now(clock)), "semarang");
                Jobs.runAsync(engine.getManagementService());
                Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                        .taskDefinitionKey(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL).singleResult();
                tasks.add(task.getId());
            }
            probe(open, new Variant(index ? "index on PARENT_TASK_ID_" : "Camunda's schema", true, false, false), "engine",
                    "SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = ? (each completion)", 30,
                    () -> jdbc.queryForList("SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = ?", tasks.get(0)).size());
            var iterator = tasks.iterator();
            probe(open, new Variant(index ? "index on PARENT_TASK_ID_" : "Camunda's schema", true, false, false), "engine",
                    "complete a screening task", tasks.size() - 2, () -> {
                        engine.getTaskService().complete(iterator.next(), Map.of(ProposalProcess.Vars.SCREENING_OUTCOME, "complete"));
                        return 1;
                    });
        }
    }

    private void indexes(boolean present) {
        INDEXES.forEach((name, on) -> {
            dropIndex(name);
            if (present) {
                jdbc.execute("CREATE INDEX " + name + " ON " + on);
            }
        });
    }

    private void dropIndex(String name) {
        String table = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME = ?",
                String.class, name).stream().findFirst().orElse(null);
        if (table != null) {
            jdbc.execute("DROP INDEX " + name + " ON " + table);
        }
    }

    /** Camunda's engine as it ships, on the same database: the reference for "before". */
    private ProcessEngine unpatchedEngine() {
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseType("mysql");
        configuration.setDatabaseSchemaUpdate("false");
        // as the application: a fresh database has no CMMN tables (the flags are switched per comparison afterwards)
        configuration.setCmmnEnabled(false);
        configuration.setStandaloneTasksEnabled(false);
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setEnableExpressionsInStoredQueries(true);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setJdbcStatementTimeout(Integer.getInteger("bench.timeout-seconds", 120));
        configuration.setProcessEngineName("camunda-reference-" + Long.toHexString(System.nanoTime()));
        configuration.setHistory("full");
        return configuration.buildProcessEngine();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException unknown) {
            return "unknown";
        }
    }

    private void write(String text) throws IOException {
        System.out.print(text);
        Files.createDirectories(report.getParent());
        Files.writeString(report, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
