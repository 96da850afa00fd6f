package org.twinflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.SCREENING_OUTCOME;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.CallFixtures;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.ProposalFixtures;
import org.twinflow.RunningJobExecutor;
import org.twinflow.StaffHttp;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.cluster.SmtpSink;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * Issue 12, part 3: the database goes away while people work and jobs are due. The application reaches the
 * MySQL-compatible server through a proxy the test cuts, as a stopped server or a broken network would; the job executor
 * runs, as in production, and hands its mails to an SMTP server of the test's.
 * <ul>
 * <li>A city submits: it is answered 503 with a "try again" page (no stack trace) within the pool's timeout, nothing of it
 * is stored; when the database returns, the same submission goes through once.</li>
 * <li>Staff complete a task in Tasklist and through the REST API, also when the connection breaks in the middle of the
 * completion, and open a staff page: a 503 "try again" (JSON for the APIs, with no SQL or driver text), the task stays
 * open with no completion in its history; when the database returns, the same completion goes through once.</li>
 * <li>Jobs fall due during the outage, and others are in the middle of their mail at the cut: the job executor backs off,
 * no job is lost, fails for good or raises an incident, and once the database is back every job runs by itself.</li>
 * </ul>
 * Each time health says DOWN (503) during the outage and UP once the application has found the database again by itself.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlDatabaseOutageIT {

    private static final String PASSWORD = "Outage-proof-2027";
    private static final String ACKNOWLEDGE_RECEIPT = "Task_AcknowledgeReceipt";
    private static final String TRY_AGAIN =
            "Twinflow cannot reach its database right now. Nothing was saved; please try again in a minute.";
    /** How long the job executor keeps a job it has taken (Camunda's default is 5 minutes; shortened to keep the test short). */
    private static final Duration LOCK_TIME = Duration.ofSeconds(30);
    private static final Duration JOB_OUTAGE = Duration.ofSeconds(15);
    private static CuttableProxy proxy;
    private static SmtpSink mail;
    /** Armed by a test: the next completion loses its connection once it has begun; the database is back right after. */
    private static final AtomicBoolean blinkDuringNextCompletion = new AtomicBoolean();

    @DynamicPropertySource
    static void mysqlDatabaseThroughAProxy(DynamicPropertyRegistry registry) throws Exception {
        MySqlTestDatabase.registerApplicationSettings(registry, "itoutageadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
        MySqlTestDatabase.Database database = MySqlTestDatabase.current();
        String[] hostAndPort = database.server().split(":");
        proxy = new CuttableProxy(hostAndPort[0], hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : 3306);
        registry.add("TWINFLOW_DB_URL", () -> database.jdbcUrl().replace("//" + database.server() + "/", "//127.0.0.1:" + proxy.port() + "/"));
        // the job executor runs, as in production, and mails go to the test's SMTP server
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        registry.add("camunda.bpm.job-execution.lock-time-in-millis", () -> Long.toString(LOCK_TIME.toMillis()));
        mail = new SmtpSink(Duration.ZERO);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Integer.toString(mail.port()));
    }

    /**
     * Cuts the database from inside a completion, once it holds its connection, and restores it as soon as the completion
     * has failed: the database blinks (a restart, a fail-over, the network) in the middle of the request.
     */
    @TestConfiguration
    static class BlinkInTheMiddleOfACompletion {

        @Bean
        AbstractProcessEnginePlugin blinkTheDatabaseWhenArmed() {
            return new AbstractProcessEnginePlugin() {
                @Override
                public void preInit(ProcessEngineConfigurationImpl configuration) {
                    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
                    interceptors.add(new CommandInterceptor() {
                        @Override
                        public <T> T execute(Command<T> command) {
                            if (!(command instanceof SubmitTaskFormCmd && blinkDuringNextCompletion.compareAndSet(true, false))) {
                                return next.execute(command);
                            }
                            proxy.cut();
                            try {
                                return next.execute(command);
                            } finally {
                                proxy.restore();
                            }
                        }
                    });
                    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
                }
            };
        }
    }

    @AfterEach
    void databaseBack() throws Exception {
        blinkDuringNextCompletion.set(false);
        proxy.restore();
        awaitHealthUp(new PortalClient(port));
    }

    @AfterAll
    static void closeProxyAndMail() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (mail != null) {
            mail.close();
        }
    }

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired IdentityService identityService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void shouldAskToTryAgainStoreNothingAndRecoverByItselfWhenTheDatabaseGoesAway() throws Exception {
        // given a signed-in city that has submitted one proposal and has the form of the next one open
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String officer = "outage" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identityService, officer, "Rina", "Outage", officer + "@semarang.example", PASSWORD, StaffGroups.CITIES);
        cityAccounts.link(officer, city.getId());
        PortalClient browser = new PortalClient(port).signIn(officer, PASSWORD);
        LocalDate today = LocalDate.now(clock);
        assertThat(submit(browser, "Before the outage", today).statusCode()).isEqualTo(302);
        var nextForm = PortalRepeatScenarios.completeProposal(browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(), "During the outage",
                today).field("submit", "1");

        // when the database goes away and the city submits
        proxy.cut();
        long began = System.nanoTime();
        HttpResponse<String> duringOutage = browser.post("/proposals/new", nextForm);
        long answeredInMillis = millisSince(began);

        // then the city is asked to try again, quickly, without a stack trace, and health says DOWN
        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(duringOutage.body()).contains("cannot reach its database right now", "Nothing was stored")
                .doesNotContain("Exception", "at org.", "SQL");
        assertThat(answeredInMillis).as("answered within the pool's timeout").isLessThan(15_000);
        // and so is the next attempt, which finds no connection at all and waits for the pool's timeout (5 s) first
        began = System.nanoTime();
        HttpResponse<String> nextAttempt = browser.post("/proposals/new", nextForm);
        long nextAnsweredInMillis = millisSince(began);
        assertThat(nextAttempt.statusCode()).isEqualTo(503);
        assertThat(nextAttempt.body()).contains("cannot reach its database right now").doesNotContain("Exception");
        assertThat(nextAnsweredInMillis).as("answered within the pool's timeout").isLessThan(15_000);
        PortalClient probe = new PortalClient(port);
        assertHealthDown(probe);

        // when the database returns, the application finds it again by itself
        proxy.restore();
        long recoveredInMillis = awaitHealthUp(probe);

        // and nothing of the refused submission was stored; sent again, it goes through once
        assertThat(proposalsTitled("During the outage")).isZero();
        HttpResponse<String> again = browser.post("/proposals/new", nextForm);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(proposalsTitled("During the outage")).isOne();
        String reference = again.headers().firstValue("Location").orElseThrow().replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})$", "$1");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count()).isOne();
        System.out.printf("Database outage: submissions answered 503 in %d ms (connection lost) and %d ms (no connection); "
                + "health UP again %d ms after the database returned%n", answeredInMillis, nextAnsweredInMillis, recoveredInMillis);
    }

    @Test
    void shouldAskStaffToTryAgainAndLeaveTheTaskOpenWhenTheDatabaseGoesAwayAsTheyComplete() throws Exception {
        // given an officer signed in to Tasklist, the same officer's REST client, and two proposals waiting for screening
        String officer = "screener" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identityService, officer, "Sari", "Screening", officer + "@staff.example", PASSWORD, StaffGroups.SECRETARIAT);
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        Task inTasklist = screeningTaskOf(submitted(lead));
        Task overRest = screeningTaskOf(submitted(lead));
        StaffHttp tasklist = StaffHttp.tasklist(port, engine.getName(), officer, PASSWORD);
        StaffHttp restClient = StaffHttp.restApi(port, engine.getName(), officer, PASSWORD);
        assertThat(restClient.get("/task/" + overRest.getId()).statusCode()).as("the REST client signs in").isEqualTo(200);
        PortalClient staffPages = new PortalClient(port).signIn(officer, PASSWORD);
        String reference = runtimeService.createProcessInstanceQuery().processInstanceId(inTasklist.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        assertThat(staffPages.get("/staff/proposals/" + reference).statusCode()).isEqualTo(200);
        Map<String, Object> screened = Map.of(SCREENING_OUTCOME, "complete");

        // when the database blinks while the officer presses Complete in Tasklist, and again while the REST client completes
        List<HttpResponse<String>> answers = new ArrayList<>();
        blinkDuringNextCompletion.set(true);
        long began = System.nanoTime();
        answers.add(tasklist.submitForm(inTasklist.getId(), screened));
        long blinkTasklistMillis = millisSince(began);
        assertThat(blinkDuringNextCompletion).as("the database blinked during the completion").isFalse();
        blinkDuringNextCompletion.set(true);
        began = System.nanoTime();
        answers.add(restClient.submitForm(overRest.getId(), screened));
        long blinkRestMillis = millisSince(began);
        assertThat(blinkDuringNextCompletion).as("the database blinked during the completion").isFalse();
        // and when the database is gone as the officer presses Complete again, the REST client completes, the officer opens a page
        proxy.cut();
        began = System.nanoTime();
        answers.add(tasklist.submitForm(inTasklist.getId(), screened));
        long tasklistMillis = millisSince(began);
        began = System.nanoTime();
        answers.add(restClient.submitForm(overRest.getId(), screened));
        long restMillis = millisSince(began);
        HttpResponse<String> staffPage = staffPages.get("/staff/proposals/" + reference);

        // then each is told, in words, to try again: 503, and nothing of SQL, the driver or a stack trace
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Content-Type")).as(answer.body()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(StaffHttp.message(answer)).as(answer.body()).isEqualTo(TRY_AGAIN);
            assertThat(answer.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception", "jdbc", "com.mysql", "at org.");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
        }
        assertThat(staffPage.statusCode()).isEqualTo(503);
        assertThat(staffPage.body()).contains("cannot reach its database right now", "Nothing was stored")
                .doesNotContain("Exception", "SQL");
        assertThat(List.of(blinkTasklistMillis, blinkRestMillis, tasklistMillis, restMillis)).as("answered within the pool's timeout")
                .allSatisfy(millis -> assertThat(millis).isLessThan(15_000));
        PortalClient probe = new PortalClient(port);
        assertHealthDown(probe);

        // when the database returns
        proxy.restore();
        long recoveredInMillis = awaitHealthUp(probe);

        // then both tasks are still open, nothing of a completion is in their history
        for (Task task : List.of(inTasklist, overRest)) {
            assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isOne();
            assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).finished().count()).isZero();
            assertThat(historyService.createUserOperationLogQuery().taskId(task.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count()).isZero();
        }
        // and the same completions, sent again, go through once
        assertThat(tasklist.submitForm(inTasklist.getId(), screened).statusCode()).isEqualTo(204);
        assertThat(restClient.submitForm(overRest.getId(), screened).statusCode()).isEqualTo(204);
        for (Task task : List.of(inTasklist, overRest)) {
            assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
            assertThat(historyService.createUserOperationLogQuery().taskId(task.getId())
                    .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count()).as("completions in history").isOne();
        }
        assertThat(staffPages.get("/staff/proposals/" + reference).statusCode()).isEqualTo(200);
        System.out.printf("Database outage: completions answered 503 in %d ms (Tasklist) and %d ms (REST API) when the connection was "
                + "lost mid-completion, %d ms (Tasklist) and %d ms (REST API) with the database gone; health UP again %d ms after the "
                + "database returned%n", blinkTasklistMillis, blinkRestMillis, tasklistMillis, restMillis, recoveredInMillis);
    }

    @Test
    void shouldRunEveryDueJobOnceByItselfWhenTheDatabaseReturns() throws Exception {
        // given no job left over (a job another test cut in the middle waits for its lock to expire, then for the executor's
        // back-off of up to a minute), and the receipt notices' job definition
        RunningJobExecutor.waitUntil(() -> managementService.createJobQuery().executable().count() == 0, "no due job",
                LOCK_TIME.plus(Duration.ofSeconds(90)));
        JobDefinition receipt = managementService.createJobDefinitionQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .activityIdIn(ACKNOWLEDGE_RECEIPT).singleResult();
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        int mailsBefore = mail.mailsHandedOver();
        long incidentsBefore = runtimeService.createIncidentQuery().count();

        // and six receipt notices that will fall due during the outage: held back, then due a few seconds from now
        managementService.suspendJobDefinitionById(receipt.getId());
        List<Proposal> dueDuringOutage = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            dueDuringOutage.add(submitted(lead));
        }
        assertThat(managementService.createJobQuery().jobDefinitionId(receipt.getId()).suspended().count()).as("held back").isEqualTo(6);
        managementService.activateJobDefinitionById(receipt.getId(), false);
        // and three receipt notices in the middle of their mail at the cut: the mail server is slow to answer
        mail.delayBeforeGreeting(Duration.ofSeconds(4));
        int connectionsBefore = mail.connections();
        List<Proposal> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(submitted(lead));
        }
        List<Job> inFlightJobs = inFlight.stream().map(this::receiptJobOf).toList();
        RunningJobExecutor.waitUntil(() -> mail.connections() - connectionsBefore == inFlight.size(),
                "three jobs talking to the mail server");
        Date dueAt = new Date(System.currentTimeMillis() + 3_000);
        List<Job> dueJobs = dueDuringOutage.stream().map(this::receiptJobOf).toList();
        for (Job job : dueJobs) {
            managementService.setJobDuedate(job.getId(), dueAt);
            managementService.activateJobById(job.getId());
        }

        // when the database goes away and stays away for 15 seconds, less than the jobs' lock
        proxy.cut();
        long cutAt = System.nanoTime();
        mail.delayBeforeGreeting(Duration.ZERO);
        PortalClient probe = new PortalClient(port);
        assertHealthDown(probe);
        Thread.sleep(Math.max(0, JOB_OUTAGE.toMillis() - millisSince(cutAt)));
        proxy.restore();
        long restoredAt = System.nanoTime();
        Instant returnedAt = clock.instant();
        long recoveredInMillis = awaitHealthUp(probe);

        // then nothing ran during the outage, nothing failed for good and no job is lost: the jobs due during the outage
        // still wait with all their retries, and those cut in the middle are still held with theirs
        long noticesBeforeReturn = receiptNoticesStoredBefore(returnedAt, concat(dueDuringOutage, inFlight));
        List<String> atReturn = new ArrayList<>();
        for (Job job : inFlightJobs) {
            Map<String, Object> row = jdbc.queryForMap("SELECT RETRIES_, LOCK_EXP_TIME_ FROM ACT_RU_JOB WHERE ID_ = ?", job.getId());
            atReturn.add("retries " + row.get("RETRIES_") + ", lock until " + row.get("LOCK_EXP_TIME_"));
            assertThat(((Number) row.get("RETRIES_")).intValue()).as("retries of a job cut in the middle").isEqualTo(3);
        }

        // and when the database is back, every due job runs by itself, once
        long[] dueRanAfter = new long[1];
        waitUntil(() -> {
            if (dueRanAfter[0] == 0 && receiptNotices(dueDuringOutage) == dueDuringOutage.size()) {
                dueRanAfter[0] = millisSince(restoredAt);
            }
            return receiptNotices(dueDuringOutage) == dueDuringOutage.size() && receiptNotices(inFlight) == inFlight.size();
        }, Duration.ofSeconds(90), "every receipt notice stored");
        long allRanAfter = millisSince(restoredAt);
        for (Job job : concat(dueJobs, inFlightJobs)) {
            assertThat(managementService.createJobQuery().jobId(job.getId()).count()).as("job " + job.getId() + " done").isZero();
        }
        assertThat(runtimeService.createIncidentQuery().count()).as("incidents").isEqualTo(incidentsBefore);
        long failuresLogged = 0;
        for (Job job : concat(dueJobs, inFlightJobs)) {
            failuresLogged += historyService.createHistoricJobLogQuery().failureLog().jobId(job.getId()).count();
        }
        int mails = mail.mailsHandedOver() - mailsBefore;
        System.out.printf("Database outage: jobs: %d due during a %d s outage ran %d ms after the database returned, the %d cut in "
                + "the middle %d ms after (their lock of %d s); notices stored before the return %d, after %d; failures logged %d; "
                + "at the return the jobs cut in the middle had %s; mails handed over %d for %d notices; health UP again %d ms "
                + "after the return%n", dueDuringOutage.size(), JOB_OUTAGE.toSeconds(), dueRanAfter[0], inFlight.size(), allRanAfter,
                LOCK_TIME.toSeconds(), noticesBeforeReturn, receiptNotices(dueDuringOutage) + receiptNotices(inFlight), failuresLogged,
                atReturn, mails, dueDuringOutage.size() + inFlight.size(), recoveredInMillis);
        assertThat(noticesBeforeReturn).as("notices stored during the outage").isZero();
        assertThat(failuresLogged).as("failures logged for the receipt jobs").isZero();
        // a mail handed over before its job's transaction broke is sent again when the job runs again (at-least-once)
        assertThat(mails).as("mails handed over").isEqualTo(dueDuringOutage.size() + 2 * inFlight.size());
    }

    private Proposal submitted(City lead) {
        return proposals.submitNew(ProposalFixtures.semarangToyamaMobility(lead.getId(), LocalDate.now(clock)), "semarang");
    }

    private Task screeningTaskOf(Proposal proposal) throws InterruptedException {
        return RunningJobExecutor.waitForTask(taskService, proposal.getReference(), TASK_SCREEN_PROPOSAL, null);
    }

    private Job receiptJobOf(Proposal proposal) {
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal.getReference()).singleResult()
                .getId();
        Job job = managementService.createJobQuery().processInstanceId(instance).activityId(ACKNOWLEDGE_RECEIPT).singleResult();
        assertThat(job).as("receipt job of " + proposal.getReference()).isNotNull();
        return job;
    }

    private long receiptNotices(List<Proposal> of) {
        long count = 0;
        for (Proposal proposal : of) {
            count += jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE proposal_id = ? AND notice = 'PROPOSAL_RECEIVED'",
                    Integer.class, proposal.getId());
        }
        return count;
    }

    private long receiptNoticesStoredBefore(Instant instant, List<Proposal> of) {
        long count = 0;
        for (Proposal proposal : of) {
            count += jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE proposal_id = ? AND notice = 'PROPOSAL_RECEIVED' "
                    + "AND created_at < ?", Integer.class, proposal.getId(), Timestamp.from(instant));
        }
        return count;
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void assertHealthDown(PortalClient probe) {
        // asked as a load balancer asks: without a session
        HttpResponse<String> health = probe.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).as(health.body()).contains("DOWN");
    }

    /** Milliseconds until health says UP again. */
    private static long awaitHealthUp(PortalClient probe) throws InterruptedException {
        long began = System.nanoTime();
        waitUntil(() -> probe.get("/actuator/health").statusCode() == 200, Duration.ofSeconds(60), "health UP");
        assertThat(probe.get("/actuator/health").body()).contains("UP");
        return millisSince(began);
    }

    private static void waitUntil(BooleanSupplier condition, Duration patience, String what) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after %s: %s", patience, what).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static HttpResponse<String> submit(PortalClient browser, String title, LocalDate today) {
        return browser.post("/proposals/new", PortalRepeatScenarios.completeProposal(browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(),
                title, today).field("submit", "1"));
    }

    private int proposalsTitled(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE title = ?", Integer.class, title);
    }
}
