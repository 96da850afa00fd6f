package org.twinflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.TASK_ASSIGN_REVIEWERS;
import static org.twinflow.process.ProposalProcess.Elements.TASK_AWAIT_CLARIFICATION;
import static org.twinflow.process.ProposalProcess.Elements.TASK_AWAIT_PROGRESS_REPORT;
import static org.twinflow.process.ProposalProcess.Elements.TASK_AWAIT_REVISION;
import static org.twinflow.process.ProposalProcess.Elements.TASK_AWAIT_SIGNED_AGREEMENT;
import static org.twinflow.process.ProposalProcess.Elements.TASK_DECIDE_ON_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Elements.TASK_DECLARE_CONFLICT_OF_INTEREST;
import static org.twinflow.process.ProposalProcess.Elements.TASK_HANDLE_OVERDUE_AGREEMENT;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCORE_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Elements.TASK_VERIFY_AGREEMENT;
import static org.twinflow.process.ProposalProcess.Elements.EVENT_REPORTING_PERIOD_ENDED;
import static org.twinflow.process.ProposalProcess.Vars.AGREEMENT_VERIFICATION;
import static org.twinflow.process.ProposalProcess.Vars.CLARIFICATION_QUESTION;
import static org.twinflow.process.ProposalProcess.Vars.CONFLICT_OF_INTEREST;
import static org.twinflow.process.ProposalProcess.Vars.DECISION;
import static org.twinflow.process.ProposalProcess.Vars.DECISION_FEEDBACK;
import static org.twinflow.process.ProposalProcess.Vars.EXTENSION_DAYS;
import static org.twinflow.process.ProposalProcess.Vars.OVERDUE_AGREEMENT_ACTION;
import static org.twinflow.process.ProposalProcess.Vars.PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.REVIEWERS;
import static org.twinflow.process.ProposalProcess.Vars.SCREENING_OUTCOME;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.HistoryCleanupJobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.twinflow.call.CallDraft;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallMode;
import org.twinflow.call.CallService;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.document.Document;
import org.twinflow.document.DocumentInfo;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentService;
import org.twinflow.followup.FollowUpService;
import org.twinflow.followup.Report;
import org.twinflow.process.CallProcess;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.PartnerRole;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.StaffGroups;

/**
 * Backup and restore on the real MySQL-compatible server (docs/operations.md): Twinflow runs on a database with proposals
 * waiting at timers (a clarification and a revision deadline, an agreement deadline, a reporting period, a call's closing)
 * and at staff tasks (screening, review, decision), a job locked by a job executor that dies, a 3 MB PDF and texts in four
 * scripts and an emoji; a city's submission is under way. The dump is taken while the application runs, with the client
 * tool and exactly the options docs/operations.md gives; it is loaded into a fresh database with the client; the first
 * application is closed and a new one started on the restored database, as after a real restore.
 * <p>
 * What it shows: the dump neither waited for nor contains the submission under way; every table of the restored database
 * has the same definition and the same rows, byte for byte; the new application starts on it without deploying anything,
 * sees the same proposals, documents, call, instances, tasks and jobs; the locked job waits for its lock to expire and then
 * runs; the timers that became due while the application was down fire once it runs; the tasks can be completed.
 */
@ExtendWith(MySqlTestDatabase.class)
class MySqlBackupRestoreIT {

    /** The options of the backup command in docs/operations.md (the test checks that the page gives exactly these). */
    static final List<String> DUMP_OPTIONS = List.of("--single-transaction", "--routines", "--triggers", "--events", "--hex-blob",
            "--default-character-set=utf8mb4", "--no-tablespaces");
    /** The options of the restore command in docs/operations.md. */
    static final List<String> LOAD_OPTIONS = List.of("--default-character-set=utf8mb4");

    private static final String ADMIN_ID = "itbackupadmin";
    private static final String ADMIN_PASSWORD = "it-admin-" + Long.toHexString(System.nanoTime());
    private static final String OFFICER = "itbackupofficer";
    private static final String REVIEWER_1 = "itbackupreviewer1";
    private static final String REVIEWER_2 = "itbackupreviewer2";
    private static final String EMOJI_TITLE = "Kota tangguh 🌊 เชียงใหม่–广州–पुणे: sustainable mobility exchange";
    private static final int LARGE_PDF_BYTES = 3 * 1024 * 1024;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRestoreADumpTakenWhileTwinflowRunsAndCarryOnWhereItStood() throws Exception {
        assertThat(Files.readString(Path.of("docs/operations.md")))
                .as("docs/operations.md gives the backup and restore commands this test runs")
                .contains(String.join(" ", DUMP_OPTIONS))
                .contains(String.join(" ", LOAD_OPTIONS));
        MySqlTestDatabase.Database source = MySqlTestDatabase.current();
        MySqlTestDatabase.Database restored = new MySqlTestDatabase.Database(source.server(), source.user(), source.password(),
                source.name() + "_restored");
        Path work = Files.createTempDirectory("twinflow-backup");
        ClientTools tools = new ClientTools(source, work);
        try {
            // given Twinflow running on the source database, with work waiting everywhere and a job locked by its job executor
            Scenario scenario;
            Snapshot atDump;
            Map<String, TableState> sourceTables;
            String lockOwnerOfTheFirst;
            Path dump = work.resolve("twinflow.sql");
            long dumpMillis;
            String inFlightReference;
            try (ConfigurableApplicationContext first = start(source.jdbcUrl(), false)) {
                scenario = new Scenario(first);
                scenario.prepare();
                JobExecutor jobExecutor = engineConfiguration(first).getJobExecutor();
                lockOwnerOfTheFirst = jobExecutor.getLockOwner();
                assertThat(jobExecutor.getLockTimeInMillis()).as("a job executor's lock, as docs/operations.md says").isEqualTo(300_000);
                AcquiredJobs acquired = engineConfiguration(first).getCommandExecutorTxRequired().execute(new AcquireJobsCmd(jobExecutor));
                assertThat(acquired.getJobIdBatches().stream().flatMap(List::stream))
                        .as("the job executor acquired (locked) the receipt of %s", scenario.atReceipt).contains(scenario.lockedJobId);
                atDump = Snapshot.of(first);
                assertThat(atDump.jobs.get(scenario.lockedJobId)).as("the locked job").startsWith("locked by " + lockOwnerOfTheFirst);
                try (Connection connection = source.connect()) {
                    assertThat(tablesNotInnoDb(connection)).as("--single-transaction is consistent for InnoDB tables only").isEmpty();
                    sourceTables = fingerprint(connection);
                }
                for (String none : List.of("(ROUTINES)", "(TRIGGERS)", "(EVENTS)")) {
                    assertThat(sourceTables.get(none).rows()).as("%s of Twinflow's schema, as docs/operations.md says", none).isZero();
                }

                // and a city's submission under way: stored and its process started, not yet committed
                InFlight inFlight = new InFlight(first, scenario.cityId);
                try {
                    // when the backup is taken while the application runs
                    long began = System.nanoTime();
                    tools.dump(dump);
                    dumpMillis = (System.nanoTime() - began) / 1_000_000;
                } finally {
                    inFlightReference = inFlight.commit();
                }
                assertThat(Files.readString(dump)).as("a complete dump ends with its completion line")
                        .containsPattern("\\n-- Dump completed on [^\\n]+\\n?$");
                // then the submission committed after the dump, unhindered: it is in the running database ...
                assertThat(first.getBean(ProposalService.class).byReference(inFlightReference).getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
            }

            // when it is restored into a new, empty database with the same character set and collation
            long restoreMillis;
            try (Connection connection = source.connect(); Statement statement = connection.createStatement()) {
                String[] defaults = schemaDefaults(connection, source.name());
                statement.execute("CREATE DATABASE " + restored.name() + " CHARACTER SET " + defaults[0] + " COLLATE " + defaults[1]);
                long began = System.nanoTime();
                tools.load(dump, restored.name());
                restoreMillis = (System.nanoTime() - began) / 1_000_000;
                assertThat(schemaDefaults(connection, restored.name())).containsExactly(defaults);
            }
            System.out.printf("Backup and restore: %d tables, dump %d bytes in %d ms, restore in %d ms (%s, %s)%n", sourceTables.size(),
                    Files.size(dump), dumpMillis, restoreMillis, tools.dumpTool, tools.loadTool);

            // then every table is there with the same definition and the same rows, byte for byte ...
            try (Connection connection = restored.connect()) {
                assertThat(fingerprint(connection)).isEqualTo(sourceTables);
                // ... and without the submission that was not committed when the dump began
                assertThat(new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(connection, true))
                        .queryForObject("SELECT COUNT(*) FROM proposal WHERE reference = ?", Long.class, inFlightReference)).isZero();
            }

            // when the same Twinflow version starts on the restored database, its job executor running as in production
            try (ConfigurableApplicationContext second = start(restored.jdbcUrl(), true)) {
                scenario = scenario.on(second);
                // then it answers as healthy and deployed nothing new: the same deployments, definitions, instances, tasks, jobs
                assertThat(health(second)).contains("\"status\":\"UP\"");
                assertThat(Snapshot.of(second)).isEqualTo(atDump);
                scenario.assertDocumentsAsStored();

                // and the job locked by the first application's executor waits for its lock to expire, while other jobs run
                JobExecutor jobExecutor = engineConfiguration(second).getJobExecutor();
                assertThat(jobExecutor.isActive()).isTrue();
                assertThat(jobExecutor.getLockOwner()).isNotEqualTo(lockOwnerOfTheFirst);
                assertThat(jobExecutor.getLockTimeInMillis()).isEqualTo(300_000);
                Proposal afterRestore = scenario.submitAnother();
                assertThat(afterRestore.getReference()).as("the reference the lost submission had is handed out again")
                        .isEqualTo(inFlightReference);
                RunningJobExecutor.waitForTask(scenario.tasks(), afterRestore.getReference(), TASK_SCREEN_PROPOSAL, null);
                Instant lockExpires = scenario.lockExpiry();
                assertThat(scenario.lockOwnerOfLockedJob()).isEqualTo(lockOwnerOfTheFirst);
                assertThat(scenario.waitsAtReceipt()).isTrue();
                ClockUtil.setCurrentTime(Date.from(lockExpires.plusSeconds(1)));
                jobExecutor.jobWasAdded();
                RunningJobExecutor.waitForTask(scenario.tasks(), scenario.atReceipt, TASK_SCREEN_PROPOSAL, null);

                // and when the clock passes every deadline, the timers that fell due while Twinflow was down fire by themselves
                ClockUtil.setCurrentTime(Date.from(scenario.reportingPeriodEndsAt().plus(Duration.ofHours(1))));
                jobExecutor.jobWasAdded();
                scenario.assertTimersFired();

                // and the staff's tasks can be completed
                scenario.completeTheWaitingTasks();
                assertThat(second.getBean(ProcessEngine.class).getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
            }
        } finally {
            tools.dropDatabase(restored.name());
            tools.deleteFiles();
        }
    }

    // --- the applications -------------------------------------------------------------------------------------------

    /** Twinflow (profile mysql) on the given database, as MySqlTestDatabase sets it up, with or without its job executor. */
    private static ConfigurableApplicationContext start(String jdbcUrl, boolean jobExecutor) {
        Map<String, Object> settings = new LinkedHashMap<>();
        MySqlTestDatabase.registerApplicationSettings((name, value) -> settings.put(name, value.get()), ADMIN_ID, ADMIN_PASSWORD);
        settings.put("TWINFLOW_DB_URL", jdbcUrl);
        settings.put("camunda.bpm.job-execution.enabled", jobExecutor);
        settings.put("server.port", 0);
        String[] arguments = settings.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(TwinflowApplication.class).profiles("mysql").run(arguments);
    }

    private static ProcessEngineConfigurationImpl engineConfiguration(ConfigurableApplicationContext context) {
        return (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    }

    private static String health(ConfigurableApplicationContext context) throws IOException, InterruptedException {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /**
     * A city's submission in its own transaction, held open (not committed) until {@link #commit()}: the proposal stored, its
     * reference counted, its process started.
     */
    private static final class InFlight {

        private final CountDownLatch stored = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Future<String> reference;

        InFlight(ConfigurableApplicationContext context, Long cityId) throws InterruptedException {
            TransactionTemplate transaction = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            ProposalService proposals = context.getBean(ProposalService.class);
            LocalDate today = LocalDate.now(context.getBean(java.time.Clock.class));
            reference = thread.submit(() -> transaction.execute(status -> {
                Proposal proposal = proposals.submitNew(ProposalFixtures.mobilityProposal(cityId, today,
                        "Submitted while the backup ran", List.of(ProposalFixtures.toyama())), "semarang");
                stored.countDown();
                try {
                    if (!release.await(2, TimeUnit.MINUTES)) {
                        throw new IllegalStateException("never released");
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
                return proposal.getReference();
            }));
            assertThat(stored.await(60, TimeUnit.SECONDS)).as("the submission under way was stored").isTrue();
        }

        String commit() throws Exception {
            release.countDown();
            try {
                return reference.get(60, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    // --- what is waiting where ------------------------------------------------------------------------------------------

    /** The proposals and the call of this test, on one application and then on the next. */
    private static final class Scenario {

        private final ConfigurableApplicationContext context;
        /** Submitted; its receipt job locked by a job executor that then dies. */
        String atReceipt;
        String atClarification;
        String atReview;
        String atDecision;
        String atRevision;
        String atAgreement;
        String atReporting;
        String callReference;
        String lockedJobId;
        Long cityId;
        final Map<String, byte[]> documents = new TreeMap<>();

        Scenario(ConfigurableApplicationContext context) {
            this.context = context;
        }

        /** The same proposals, seen by another application. */
        Scenario on(ConfigurableApplicationContext other) {
            Scenario next = new Scenario(other);
            next.atReceipt = atReceipt;
            next.atClarification = atClarification;
            next.atReview = atReview;
            next.atDecision = atDecision;
            next.atRevision = atRevision;
            next.atAgreement = atAgreement;
            next.atReporting = atReporting;
            next.callReference = callReference;
            next.lockedJobId = lockedJobId;
            next.cityId = cityId;
            next.documents.putAll(documents);
            return next;
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        ProcessEngine engine() {
            return bean(ProcessEngine.class);
        }

        org.camunda.bpm.engine.TaskService tasks() {
            return engine().getTaskService();
        }

        Instant now() {
            return ClockUtil.getCurrentTime().toInstant();
        }

        void prepare() {
            TestUsers.ensure(engine().getIdentityService(), OFFICER, "Sofia", "Reyes", OFFICER + "@twinflow.example", "pw-" + System.nanoTime(),
                    StaffGroups.SECRETARIAT);
            for (String reviewer : List.of(REVIEWER_1, REVIEWER_2)) {
                TestUsers.ensure(engine().getIdentityService(), reviewer, "Amara", "Okafor", reviewer + "@twinflow.example",
                        "pw-" + System.nanoTime(), StaffGroups.REVIEWERS);
            }
            CityRepository cities = bean(CityRepository.class);
            cityId = cities.save(ProposalFixtures.semarang(now())).getId();
            City chiangMai = cities.save(new City("เชียงใหม่", "TH", "ภาคเหนือ", LocalGovernmentType.MUNICIPALITY, 131_000L,
                    "สมชาย ศรีสุข", "partnerships@chiangmai.example", now()).verifiedBySecretariat(now()));

            // a rolling call that closes in ten days: its reminders and its closing wait at timers
            CallService calls = bean(CallService.class);
            CallForProposals call = calls.create(new CallDraft("2027-BACKUP", "Twinning for resilient cities", "Kept across a restore.",
                    CallMode.ROLLING, EnumSet.allOf(ThematicArea.class), Set.of(), Set.of(), Set.of(), now().minus(Duration.ofDays(1)),
                    now().plus(Duration.ofDays(10)), ZoneId.of("Asia/Bangkok"), new BigDecimal("2000000"), "EUR",
                    new BigDecimal("150000"), new BigDecimal("0.8"), 6, 36, 2, Period.ofMonths(6)));
            callReference = calls.publish(call.getReference(), OFFICER).getReference();
            String callInstance = engine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CallProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(callReference).singleResult().getId();
            engine().getManagementService().createJobQuery().processInstanceId(callInstance).activityId(CallProcess.Elements.EVENT_CALL_OPENS)
                    .list().forEach(opening -> engine().getManagementService().executeJob(opening.getId()));
            Jobs.runAsync(engine().getManagementService());

            atClarification = submit();
            complete(atClarification, TASK_SCREEN_PROPOSAL, Map.of(SCREENING_OUTCOME, "needs_clarification",
                    CLARIFICATION_QUESTION, "Please attach the council resolution that approves the co-financing."));
            atReview = submit();
            inReview(atReview);
            atDecision = submit();
            scored(atDecision);
            atRevision = submit();
            scored(atRevision);
            complete(atRevision, TASK_DECIDE_ON_PROPOSAL, Map.of(DECISION, "return_for_revision",
                    DECISION_FEEDBACK, "Please show how the pilot route is financed after the grant."));
            atAgreement = submit();
            scored(atAgreement);
            complete(atAgreement, TASK_DECIDE_ON_PROPOSAL, Map.of(DECISION, "approve", DECISION_FEEDBACK, "Approved."));
            atReporting = submit();
            scored(atReporting);
            complete(atReporting, TASK_DECIDE_ON_PROPOSAL, Map.of(DECISION, "approve", DECISION_FEEDBACK, "Approved."));
            attach(atReporting, DocumentKind.SIGNED_AGREEMENT, "agreement-signed.pdf", pdf(120_000));
            bean(FollowUpService.class).uploadAgreement(atReporting, "agreement-signed.pdf", "semarang");
            Jobs.runAsync(engine().getManagementService());
            complete(atReporting, TASK_VERIFY_AGREEMENT, Map.of(AGREEMENT_VERIFICATION, "verified"));

            // last, since the others run every due job: submitted, its receipt not yet sent; a title in four scripts and an emoji,
            // a 3 MB PDF and a small one
            atReceipt = bean(ProposalService.class).submitNew(ProposalFixtures.mobilityProposal(chiangMai.getId(), LocalDate.now(bean(java.time.Clock.class)),
                    EMOJI_TITLE, List.of(new PartnerCity("广州", "CN", PartnerRole.CO_LEAD, "waishi@guangzhou.example"),
                            new PartnerCity("पुणे", "IN", PartnerRole.PARTNER, null))), "chiangmai").getReference();
            attach(atReceipt, DocumentKind.LETTER_OF_INTENT, "หนังสือแสดงเจตจำนง.pdf", pdf(LARGE_PDF_BYTES));
            attach(atReceipt, DocumentKind.COUNCIL_RESOLUTION, "council-resolution.pdf", pdf(40_000));
            lockedJobId = engine().getManagementService().createJobQuery().processInstanceId(instanceOf(atReceipt)).singleResult().getId();

            // where each one waits
            assertWaiting(atReceipt, ProposalProcess.PROCESS_KEY, "Task_AcknowledgeReceipt");
            assertWaiting(atClarification, ProposalProcess.PROCESS_KEY, TASK_AWAIT_CLARIFICATION);
            assertWaiting(atReview, ProposalProcess.PROCESS_KEY, TASK_DECLARE_CONFLICT_OF_INTEREST);
            assertWaiting(atDecision, ProposalProcess.PROCESS_KEY, TASK_DECIDE_ON_PROPOSAL);
            assertWaiting(atRevision, ProposalProcess.PROCESS_KEY, TASK_AWAIT_REVISION);
            assertWaiting(atAgreement, ProposalProcess.FOLLOW_UP_PROCESS_KEY, TASK_AWAIT_SIGNED_AGREEMENT);
            assertWaiting(atReporting, ProposalProcess.FOLLOW_UP_PROCESS_KEY, EVENT_REPORTING_PERIOD_ENDED);
            assertWaiting(callReference, CallProcess.PROCESS_KEY, CallProcess.Elements.TASK_TAKE_SUBMISSIONS);
        }

        private String submit() {
            Proposal proposal = bean(ProposalService.class).submitNew(
                    ProposalFixtures.semarangToyamaMobility(cityId, LocalDate.now(bean(java.time.Clock.class))), "semarang");
            Jobs.runAsync(engine().getManagementService());
            return proposal.getReference();
        }

        Proposal submitAnother() {
            return bean(ProposalService.class).submitNew(
                    ProposalFixtures.semarangToyamaMobility(cityId, LocalDate.now(bean(java.time.Clock.class))), "semarang");
        }

        private void inReview(String reference) {
            complete(reference, TASK_SCREEN_PROPOSAL, Map.of(SCREENING_OUTCOME, "complete"));
            complete(reference, TASK_ASSIGN_REVIEWERS, Map.of(REVIEWERS, List.of(REVIEWER_1, REVIEWER_2)));
        }

        private void scored(String reference) {
            inReview(reference);
            for (String reviewer : List.of(REVIEWER_1, REVIEWER_2)) {
                completeAs(reference, TASK_DECLARE_CONFLICT_OF_INTEREST, reviewer, Map.of(CONFLICT_OF_INTEREST, "none"));
                completeAs(reference, TASK_SCORE_PROPOSAL, reviewer, ProposalFixtures.scores(4, "Sound plan, realistic budget."));
            }
        }

        private void attach(String reference, DocumentKind kind, String fileName, byte[] content) {
            Long proposalId = bean(ProposalService.class).byReference(reference).getId();
            DocumentInfo stored = bean(DocumentService.class).store(proposalId, kind, fileName, content, "semarang");
            documents.put(reference + "/" + stored.id(), content);
        }

        private void complete(String reference, String taskKey, Map<String, Object> variables) {
            completeAs(reference, taskKey, null, variables);
        }

        private void completeAs(String reference, String taskKey, String assignee, Map<String, Object> variables) {
            var query = tasks().createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey);
            List<Task> found = (assignee == null ? query : query.taskAssignee(assignee)).list();
            assertThat(found).as("%s of %s", taskKey, reference).hasSize(1);
            tasks().complete(found.get(0).getId(), variables);
            Jobs.runAsync(engine().getManagementService());
        }

        private String instanceOf(String businessKey) {
            return engine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(businessKey).singleResult().getId();
        }

        private void assertWaiting(String businessKey, String processKey, String activityId) {
            var instance = engine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey)
                    .processInstanceBusinessKey(businessKey).singleResult();
            assertThat(instance).as("%s of %s", processKey, businessKey).isNotNull();
            assertThat(engine().getRuntimeService().getActiveActivityIds(instance.getId())).as("%s waits at", businessKey)
                    .contains(activityId);
        }

        // --- on the restored database

        void assertDocumentsAsStored() throws Exception {
            DocumentService documentService = bean(DocumentService.class);
            for (Map.Entry<String, byte[]> expected : documents.entrySet()) {
                String[] key = expected.getKey().split("/");
                Long proposalId = bean(ProposalService.class).byReference(key[0]).getId();
                Document document = documentService.load(proposalId, Long.valueOf(key[1])).orElseThrow();
                assertThat(document.getContent()).as("content of %s", expected.getKey()).isEqualTo(expected.getValue());
                assertThat(document.getSha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected.getValue())));
            }
            assertThat(bean(ProposalService.class).byReference(atReceipt).getTitle()).isEqualTo(EMOJI_TITLE);
            assertThat(documentService.documentsOf(bean(ProposalService.class).byReference(atReceipt).getId()))
                    .extracting(DocumentInfo::fileName).containsExactly("หนังสือแสดงเจตจำนง.pdf", "council-resolution.pdf");
            // a Camunda byte array: the proposal snapshot the staff forms show, stored as JSON bytes
            @SuppressWarnings("unchecked")
            Map<String, Object> snapshot = (Map<String, Object>) engine().getRuntimeService().getVariable(instanceOf(atDecision), PROPOSAL);
            assertThat(snapshot).containsEntry("leadCity", "Semarang");
        }

        Instant lockExpiry() {
            return jdbc().queryForObject("SELECT LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE ID_ = ?", Timestamp.class, lockedJobId).toInstant();
        }

        String lockOwnerOfLockedJob() {
            return jdbc().queryForObject("SELECT LOCK_OWNER_ FROM ACT_RU_JOB WHERE ID_ = ?", String.class, lockedJobId);
        }

        boolean waitsAtReceipt() {
            return engine().getManagementService().createJobQuery().jobId(lockedJobId).count() == 1
                    && tasks().createTaskQuery().processInstanceBusinessKey(atReceipt).count() == 0;
        }

        Instant reportingPeriodEndsAt() {
            return engine().getManagementService().createJobQuery().processDefinitionKey(ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                    .activityId(EVENT_REPORTING_PERIOD_ENDED).timers().list().stream()
                    .filter(job -> job.getProcessInstanceId().equals(followUpOf(atReporting))).findFirst().orElseThrow()
                    .getDuedate().toInstant();
        }

        private String followUpOf(String reference) {
            return engine().getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                    .processInstanceBusinessKey(reference).singleResult().getId();
        }

        void assertTimersFired() throws InterruptedException {
            ProposalService proposals = bean(ProposalService.class);
            RunningJobExecutor.waitUntil(() -> proposals.byReference(atClarification).getStatus() == ProposalStatus.WITHDRAWN,
                    "clarification deadline of " + atClarification);
            RunningJobExecutor.waitUntil(() -> proposals.byReference(atRevision).getStatus() == ProposalStatus.WITHDRAWN,
                    "revision deadline of " + atRevision);
            RunningJobExecutor.waitForTask(tasks(), atAgreement, TASK_HANDLE_OVERDUE_AGREEMENT, null);
            RunningJobExecutor.waitUntil(() -> engine().getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(callReference).count() == 0, "closing of call " + callReference);
            assertThat(bean(CallService.class).byReference(callReference).getClosedAt()).isNotNull();
            RunningJobExecutor.waitUntil(() -> engine().getRuntimeService().getActiveActivityIds(followUpOf(atReporting))
                    .contains(TASK_AWAIT_PROGRESS_REPORT), "end of the reporting period of " + atReporting);
            List<Report> reports = bean(FollowUpService.class).reportsOf(proposals.byReference(atReporting).getId());
            assertThat(reports.get(0).getPeriodEnd()).isBeforeOrEqualTo(LocalDate.ofInstant(now(), ZoneOffset.UTC));
        }

        void completeTheWaitingTasks() throws InterruptedException {
            ProposalService proposals = bean(ProposalService.class);
            completeWhenThere(atReceipt, TASK_SCREEN_PROPOSAL, null, Map.of(SCREENING_OUTCOME, "complete"));
            RunningJobExecutor.waitForTask(tasks(), atReceipt, TASK_ASSIGN_REVIEWERS, null);
            completeWhenThere(atReview, TASK_DECLARE_CONFLICT_OF_INTEREST, REVIEWER_1, Map.of(CONFLICT_OF_INTEREST, "none"));
            RunningJobExecutor.waitForTask(tasks(), atReview, TASK_SCORE_PROPOSAL, REVIEWER_1);
            completeWhenThere(atDecision, TASK_DECIDE_ON_PROPOSAL, null, Map.of(DECISION, "approve", DECISION_FEEDBACK, "Approved."));
            RunningJobExecutor.waitUntil(() -> proposals.byReference(atDecision).getStatus() == ProposalStatus.AGREEMENT_PENDING,
                    "approval of " + atDecision);
            completeWhenThere(atAgreement, TASK_HANDLE_OVERDUE_AGREEMENT, null, Map.of(OVERDUE_AGREEMENT_ACTION, "extend", EXTENSION_DAYS, 20));
            RunningJobExecutor.waitUntil(() -> engine().getRuntimeService().getActiveActivityIds(followUpOf(atAgreement))
                    .contains(TASK_AWAIT_SIGNED_AGREEMENT), "more time for the agreement of " + atAgreement);
        }

        private void completeWhenThere(String reference, String taskKey, String assignee, Map<String, Object> variables)
                throws InterruptedException {
            Task task = RunningJobExecutor.waitForTask(tasks(), reference, taskKey, assignee);
            tasks().complete(task.getId(), variables);
        }

        private JdbcTemplate jdbc() {
            return bean(JdbcTemplate.class);
        }
    }

    /** A PDF of the given size whose body is random, as compressed streams are: nothing a dump could shorten. */
    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        new SecureRandom().nextBytes(content);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        return content;
    }

    // --- what an application sees ---------------------------------------------------------------------------------------

    /**
     * What the engine and the domain hold, read through the application: deployments and definitions (ids: nothing
     * redeployed), instances, executions, tasks, jobs (with their due dates and locks), variables, incidents, history,
     * identities; proposals with their status and title, documents with their checksums, calls.
     */
    record Snapshot(List<String> deployments, List<String> definitions, List<String> instances, long executions, List<String> tasks,
            Map<String, String> jobs, long variables, long incidents, long historicInstances, long historicActivities, long users,
            long authorizations, List<String> proposals, List<String> documents, List<String> calls) {

        static Snapshot of(ConfigurableApplicationContext context) {
            ProcessEngine engine = context.getBean(ProcessEngine.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            Map<String, String> jobs = new TreeMap<>();
            for (Job job : engine.getManagementService().createJobQuery().list()) {
                Map<String, Object> row = jdbc.queryForMap("SELECT HANDLER_TYPE_ AS type, CONCAT(COALESCE(LOCK_OWNER_, '-'), ' until ', "
                        + "COALESCE(LOCK_EXP_TIME_, '-')) AS lock_ FROM ACT_RU_JOB WHERE ID_ = ?", job.getId());
                // the engine moves its history cleanup job to the next cleanup window at every start: only its presence counts
                jobs.put(job.getId(), HistoryCleanupJobHandler.TYPE.equals(row.get("type")) ? "history cleanup"
                        : "locked by " + row.get("lock_") + ", due " + job.getDuedate() + ", retries " + job.getRetries() + ", "
                                + row.get("type") + ", " + job.getProcessDefinitionKey());
            }
            return new Snapshot(
                    engine.getRepositoryService().createDeploymentQuery().list().stream().map(Deployment::getId).sorted().toList(),
                    engine.getRepositoryService().createProcessDefinitionQuery().list().stream().map(ProcessDefinition::getId).sorted()
                            .toList(),
                    engine.getRuntimeService().createProcessInstanceQuery().list().stream()
                            .map(i -> i.getId() + " " + i.getBusinessKey() + " " + i.getProcessDefinitionId()).sorted().toList(),
                    engine.getRuntimeService().createExecutionQuery().count(),
                    engine.getTaskService().createTaskQuery().list().stream()
                            .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee() + " " + t.getName()).sorted().toList(),
                    jobs,
                    engine.getRuntimeService().createVariableInstanceQuery().count(),
                    engine.getRuntimeService().createIncidentQuery().count(),
                    engine.getHistoryService().createHistoricProcessInstanceQuery().count(),
                    engine.getHistoryService().createHistoricActivityInstanceQuery().count(),
                    engine.getIdentityService().createUserQuery().count(),
                    engine.getAuthorizationService().createAuthorizationQuery().count(),
                    jdbc.queryForList("SELECT CONCAT(reference, ' ', status, ' ', title) FROM proposal ORDER BY reference", String.class),
                    jdbc.queryForList("SELECT CONCAT(id, ' ', proposal_id, ' ', file_name, ' ', size_bytes, ' ', sha256, ' ', SHA2(content, 256)) "
                            + "FROM document ORDER BY id", String.class),
                    jdbc.queryForList("SELECT CONCAT(reference, ' ', closes_at, ' ', COALESCE(closed_at, 'open')) FROM call_for_proposals "
                            + "ORDER BY reference", String.class));
        }
    }

    // --- the database, table by table ---------------------------------------------------------------------------------

    /** A table's definition (without its AUTO_INCREMENT counter), its row count and a digest of all its rows, in any order. */
    record TableState(String definition, long rows, String digest) {
    }

    static Map<String, TableState> fingerprint(Connection connection) throws SQLException, java.security.NoSuchAlgorithmException {
        Map<String, TableState> tables = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            for (String table : names) {
                String definition;
                try (ResultSet result = statement.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
                    result.next();
                    definition = result.getString(2).replaceAll(" AUTO_INCREMENT=\\d+", "");
                }
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM `" + table + "`")) {
                    ResultSetMetaData columns = result.getMetaData();
                    while (result.next()) {
                        MessageDigest row = MessageDigest.getInstance("SHA-256");
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            byte[] value = isBinary(columns.getColumnType(i)) ? result.getBytes(i)
                                    : result.getString(i) == null ? null : result.getString(i).getBytes(StandardCharsets.UTF_8);
                            row.update(value == null ? new byte[] {0} : value);
                            row.update(new byte[] {1, (byte) (value == null ? 0 : value.length)});
                        }
                        rows.add(HexFormat.of().formatHex(row.digest()));
                    }
                }
                rows.sort(null);
                MessageDigest all = MessageDigest.getInstance("SHA-256");
                rows.forEach(r -> all.update(r.getBytes(StandardCharsets.US_ASCII)));
                tables.put(table, new TableState(definition, rows.size(), HexFormat.of().formatHex(all.digest())));
            }
            for (String kind : List.of("ROUTINES WHERE ROUTINE_SCHEMA", "TRIGGERS WHERE TRIGGER_SCHEMA", "EVENTS WHERE EVENT_SCHEMA")) {
                try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM information_schema." + kind + " = DATABASE()")) {
                    result.next();
                    tables.put("(" + kind.substring(0, kind.indexOf(' ')) + ")", new TableState("", result.getLong(1), ""));
                }
            }
        }
        return tables;
    }

    private static boolean isBinary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    private static List<String> tablesNotInnoDb(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND ENGINE <> 'InnoDB'")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    private static String[] schemaDefaults(Connection connection, String database) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME "
                + "FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            statement.setString(1, database);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).as("database %s", database).isTrue();
                return new String[] {result.getString(1), result.getString(2)};
            }
        }
    }

    // --- the client tools ------------------------------------------------------------------------------------------------

    /**
     * mariadb-dump (or mysqldump) and mariadb (or mysql) from the PATH, signed in through an option file (mode 600) rather
     * than a password on the command line, as docs/operations.md says.
     */
    private static final class ClientTools {

        final String dumpTool;
        final String loadTool;
        private final MySqlTestDatabase.Database database;
        private final Path work;
        private final Path optionFile;

        ClientTools(MySqlTestDatabase.Database database, Path work) throws IOException {
            this.database = database;
            this.work = work;
            this.dumpTool = onPath("mariadb-dump", "mysqldump");
            this.loadTool = onPath("mariadb", "mysql");
            String[] hostAndPort = database.server().split(":");
            optionFile = Files.createFile(work.resolve("backup.cnf"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(optionFile, "[client]\nuser=" + database.user() + "\npassword=" + database.password() + "\nhost=" + hostAndPort[0]
                    + "\nport=" + (hostAndPort.length > 1 ? hostAndPort[1] : "3306") + "\n");
        }

        void dump(Path into) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(dumpTool, "--defaults-extra-file=" + optionFile));
            command.addAll(DUMP_OPTIONS);
            command.add(database.name());
            run(command, null, into);
        }

        void load(Path dump, String into) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(loadTool, "--defaults-extra-file=" + optionFile));
            command.addAll(LOAD_OPTIONS);
            command.add(into);
            run(command, dump, work.resolve("load.out"));
        }

        void dropDatabase(String name) throws SQLException {
            try (Connection connection = java.sql.DriverManager.getConnection("jdbc:mysql://" + database.server() + "/?sendFractionalSeconds=false",
                    database.user(), database.password()); Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name);
            }
        }

        void deleteFiles() throws IOException {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }

        private void run(List<String> command, Path input, Path output) throws IOException, InterruptedException {
            Path errors = work.resolve("errors.txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile());
            if (input != null) {
                builder.redirectInput(input.toFile());
            }
            Process process = builder.start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished within 5 minutes", command.get(0)).isTrue();
            String stderr = Files.readString(errors);
            assertThat(process.exitValue()).as("%s exit code; its errors: %s", command.get(0), abbreviated(stderr)).isZero();
            assertThat(stderr).as("what %s wrote to stderr", command.get(0)).isBlank();
        }

        private static String abbreviated(String text) {
            return text.length() > 2000 ? text.substring(0, 1000) + " … " + text.substring(text.length() - 1000) : text;
        }

        private static String onPath(String... names) {
            for (String name : names) {
                for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                    if (Files.isExecutable(Path.of(directory, name))) {
                        return Path.of(directory, name).toString();
                    }
                }
            }
            throw new AssertionError("None of " + String.join(", ", names) + " on the PATH: install the MariaDB or MySQL client "
                    + "(Debian: mariadb-client, which mariadb-server brings)");
        }
    }
}
