package org.twinflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.StaffHttp;
import org.twinflow.web.PortalClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12, part 4: the application is killed ({@code kill -9}) while its mail jobs and score aggregations are pending
 * and running — the mail server is slow to answer, so mail jobs are in the middle of their conversation with it. After the restart every
 * job runs: the jobs the dead node had locked wait for their lock to expire (shortened here to 20 s from Camunda's 5
 * minutes), then run on the new node. Every effect that lives in the database happens once (each notice stored once in
 * the outbox, each proposal's scores aggregated once, one committee task); a mail is sent twice only when the mail
 * server had taken it before the kill and the job's transaction had not committed — unavoidable with SMTP, and bounded
 * here by the mails the server had without their job's commit at the kill.
 */
@ExtendWith(MySqlTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MySqlCrashIT {

    private static final String PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REVIEWERS = List.of("amara", "bao");

    private SmtpSink mail;
    private ApplicationNode node;
    private ClusterDatabase database;

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {node, mail}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    void shouldRunEveryJobAndCountEveryScoreOnceAfterTheApplicationWasKilledWhileItsJobsRan() throws Exception {
        MySqlTestDatabase.Database db = MySqlTestDatabase.current();
        database = new ClusterDatabase(db);
        mail = new SmtpSink(Duration.ZERO);
        node = new ApplicationNode("node-a", db, mail.port())
                // a dead node's locked jobs are taken again after 20 s (Camunda's default lock time: 5 minutes)
                .set("camunda.bpm.job-execution.lock-time-in-millis", "20000")
                .set("camunda.bpm.job-execution.max-wait", "2000")
                // Camunda's own full history, whose job log counts the successful runs of each job
                .set("twinflow.history.lean", "false")
                .start().awaitUp(Duration.ofMinutes(4));
        database.awaitNoDueJobs(Duration.ofMinutes(2));

        // given four proposals whose two reviewers are about to submit their scores
        List<String> reviewed = DemoCitySubmissions.submit(List.of(signedInCity()), 4, "Reviewed before the crash");
        Map<String, List<String>> scoreTasks = new java.util.LinkedHashMap<>();
        for (String reference : reviewed) {
            scoreTasks.put(reference, bringToScoring(reference));
        }
        database.awaitNoDueJobs(Duration.ofMinutes(1));

        // when the mail server becomes slow, twelve cities submit and the reviewers submit their scores
        mail.delayBeforeGreeting(Duration.ofSeconds(2));
        int mailsBefore = mail.mailsHandedOver();
        long committedBefore = database.count("SELECT COUNT(*) FROM notification WHERE sent_at IS NOT NULL");
        ExecutorService reviewers = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> scores = new ArrayList<>();
        for (List<String> tasks : scoreTasks.values()) {
            for (int i = 0; i < tasks.size(); i++) {
                StaffHttp reviewer = StaffHttp.restApi(node.port(), "default", REVIEWERS.get(i), PASSWORD);
                String task = tasks.get(i);
                scores.add(reviewers.submit(() -> reviewer.submitForm(task, Map.of("scoreRelevance", 4, "scoreSdgContribution", 5,
                        "scoreFeasibility", 4, "scorePartnershipQuality", 3, "scoreSustainability", 4,
                        "reviewComment", "A clear plan; the budget for study visits is tight.", "recommendation", "fund"))));
            }
        }
        List<String> submitted = DemoCitySubmissions.submit(List.of(signedInCity()), 12, "Submitted before the crash");
        for (Future<HttpResponse<String>> score : scores) {
            assertThat(score.get().statusCode()).as(score.get().body()).isEqualTo(204);
        }
        reviewers.shutdown();

        // and the application is killed while mails are being handed over and jobs wait
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (mail.mailsHandedOver() < mailsBefore + 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long dueAtKill = database.dueJobs();
        long lockedAtKill = database.lockedJobs();
        node.kill();
        int handedOverAtKill = mail.mailsHandedOver() - mailsBefore;
        long committedAtKill = database.count("SELECT COUNT(*) FROM notification WHERE sent_at IS NOT NULL") - committedBefore;
        // mails the server had whose job's transaction (with the outbox row) had not committed: these are sent again
        long uncommittedAtKill = handedOverAtKill - committedAtKill;
        assertThat(dueAtKill).as("jobs waiting or running at the kill").isPositive();

        // then, restarted, it runs every job
        mail.delayBeforeGreeting(Duration.ZERO);
        long restartedAt = System.nanoTime();
        node.start().awaitUp(Duration.ofMinutes(4));
        database.awaitNoDueJobs(Duration.ofMinutes(3));
        long drainedInSeconds = Duration.ofNanos(System.nanoTime() - restartedAt).toSeconds();

        // and every effect in the database happened once
        assertThat(database.jobsRunMoreThanOnce()).as("jobs run to the end twice").isZero();
        assertThat(database.failedJobs()).as("failed jobs and incidents").isZero();
        for (String reference : submitted) {
            assertThat(database.count("SELECT COUNT(*) FROM notification n JOIN proposal p ON p.id = n.proposal_id "
                    + "WHERE p.reference = ? AND n.notice = 'PROPOSAL_RECEIVED' AND n.sent_at IS NOT NULL", reference))
                    .as("receipt notices of %s in the outbox", reference).isOne();
        }
        for (String reference : reviewed) {
            assertThat(database.count("SELECT COUNT(*) FROM review r JOIN proposal p ON p.id = r.proposal_id "
                    + "WHERE p.reference = ? AND r.submitted_at IS NOT NULL", reference)).as("scores of %s", reference).isEqualTo(2);
            assertThat(database.count("SELECT COUNT(*) FROM score_summary s JOIN proposal p ON p.id = s.proposal_id WHERE p.reference = ?",
                    reference)).as("aggregation of %s", reference).isOne();
            assertThat(database.count("SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
                    + "WHERE e.BUSINESS_KEY_ = ? AND t.TASK_DEF_KEY_ = 'Task_DecideOnProposal'", reference))
                    .as("committee tasks of %s", reference).isOne();
            assertThat(database.count("SELECT COUNT(*) FROM ACT_HI_TASKINST t JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_ "
                    + "WHERE p.BUSINESS_KEY_ = ? AND t.TASK_DEF_KEY_ = 'Task_DecideOnProposal'", reference))
                    .as("committee tasks ever made for %s", reference).isOne();
        }
        // and a mail went out twice only if the mail server had it when the node died
        List<SmtpSink.Mail> mails = mail.received();
        long receipts = 0;
        long receiptsTwice = 0;
        for (String reference : submitted) {
            long copies = mails.stream().filter(m -> m.subject().startsWith("[" + reference + "] Proposal received")).count();
            assertThat(copies).as("receipt mails of %s", reference).isPositive();
            receipts += copies;
            receiptsTwice += copies - 1;
        }
        long duplicates = mails.size() - mails.stream().distinct().count();
        System.out.printf("Crash: killed with %d jobs due (%d of them locked); the mail server had %d mails of the burst, %d of them "
                + "with their notice committed; restarted and every job done %d s later; jobs run twice: 0; %d receipt mails for %d "
                + "submissions; mails sent twice: %d (at most the %d the server had without a commit)%n",
                dueAtKill, lockedAtKill, handedOverAtKill, committedAtKill, drainedInSeconds, receipts, submitted.size(), duplicates,
                uncommittedAtKill);
        assertThat(receiptsTwice).isLessThanOrEqualTo(duplicates);
        assertThat(duplicates).as("mails sent twice").isLessThanOrEqualTo(Math.max(0, uncommittedAtKill));
    }

    /** Screens the proposal, gives it to the two reviewers, who declare no conflict; the ids of their scoring tasks. */
    private List<String> bringToScoring(String reference) throws Exception {
        StaffHttp secretariat = StaffHttp.restApi(node.port(), "default", "sofia", PASSWORD);
        assertThat(secretariat.submitForm(task(reference, "Task_ScreenProposal", null), Map.of("screeningOutcome", "complete")).statusCode())
                .isEqualTo(204);
        assertThat(secretariat.submitForm(task(reference, "Task_AssignReviewers", null), Map.of("reviewers", REVIEWERS)).statusCode())
                .isEqualTo(204);
        List<String> scoring = new ArrayList<>();
        for (String reviewer : REVIEWERS) {
            StaffHttp asReviewer = StaffHttp.restApi(node.port(), "default", reviewer, PASSWORD);
            assertThat(asReviewer.submitForm(task(reference, "Task_DeclareConflictOfInterest", reviewer), Map.of("conflictOfInterest", "none"))
                    .statusCode()).isEqualTo(204);
            scoring.add(task(reference, "Task_ScoreProposal", reviewer));
        }
        return scoring;
    }

    /** The id of the proposal's task, waiting for it while jobs run. */
    private String task(String reference, String key, String assignee) throws Exception {
        StaffHttp admin = StaffHttp.restApi(node.port(), "default", "admin", PASSWORD);
        String query = "/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey=" + key + (assignee == null ? "" : "&assignee=" + assignee);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode tasks = JSON.readTree(admin.get(query).body());
            if (tasks.size() == 1) {
                return tasks.get(0).path("id").asText();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No task " + key + " of " + reference + (assignee == null ? "" : " for " + assignee) + " within 60 s");
    }


    private PortalClient signedInCity() {
        return new PortalClient(node.port()).signIn(DemoCitySubmissions.CITY, DemoCitySubmissions.PASSWORD);
    }
}
