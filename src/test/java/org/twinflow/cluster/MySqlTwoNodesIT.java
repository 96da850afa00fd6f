package org.twinflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twinflow.CallFixtures;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.StaffHttp;
import org.twinflow.web.PortalClient;
import org.twinflow.web.PortalRepeatScenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 12, part 5: two nodes, one database — Camunda's shared-database cluster. Two Twinflow processes (the packaged
 * jar, production profile with the demo accounts and data) start at the same moment against one fresh MariaDB
 * database, each with its job executor, sessions kept in the database. The start-up set-up happens once; a city signed
 * in on one node is served by the other, a form opened on one is accepted by the other; a task completed on one node
 * is gone on the other and two completions at once on both nodes let one through; every job and timer runs once
 * although both job executors compete for them.
 */
@ExtendWith(MySqlTestDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MySqlTwoNodesIT {

    private static final String CITY = "surabaya";
    private static final String SECRETARIAT = "sofia";
    private static final String DEMO_PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SmtpSink mail;
    private ApplicationNode nodeA;
    private ApplicationNode nodeB;
    private ClusterDatabase database;

    @BeforeAll
    void startTwoNodesTogether() throws Exception {
        MySqlTestDatabase.Database db = MySqlTestDatabase.current();
        database = new ClusterDatabase(db);
        mail = new SmtpSink(Duration.ZERO);
        nodeA = clusterNode("node-a", db);
        nodeB = clusterNode("node-b", db);
        long began = System.nanoTime();
        nodeA.start();
        nodeB.start();
        nodeA.awaitUp(Duration.ofMinutes(4));
        nodeB.awaitUp(Duration.ofMinutes(4));
        System.out.printf("Two nodes: both UP %d s after starting together; the start-up set-up lock was taken after %s (node-a) and %s (node-b)%n",
                Duration.ofNanos(System.nanoTime() - began).toSeconds(), startUpLockWait(nodeA), startUpLockWait(nodeB));
    }

    private ApplicationNode clusterNode(String name, MySqlTestDatabase.Database db) {
        return new ApplicationNode(name, db, mail.port())
                // an idle job executor looks for jobs at least every 2 s (Camunda's default backs off to 60 s), so that
                // timers the test makes due are taken by whichever node looks first
                .set("camunda.bpm.job-execution.max-wait", "2000")
                // both nodes look for staff digests to send every 2 s: each person must still get one
                .set("twinflow.mail.staff-digest-check", "PT2S")
                // Camunda's own full history, whose job log (which production leaves out for jobs that succeed) counts the runs of each job
                .set("twinflow.history.lean", "false");
    }

    private static String startUpLockWait(ApplicationNode node) throws Exception {
        return node.logLinesContaining("Start-up lock taken after").stream().map(line -> line.replaceAll(".*taken after ", ""))
                .findFirst().orElse("(not logged)");
    }

    @AfterAll
    void stopNodes() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeA, nodeB, mail}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    @Order(1)
    void shouldSetUpOnceWhenBothNodesStartTogether() {
        var jdbc = database.jdbc();
        assertThat(jdbc.queryForList("SELECT KEY_, VERSION_ FROM ACT_RE_PROCDEF WHERE VERSION_ > 1")).as("definitions deployed twice").isEmpty();
        assertThat(database.count("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT")).as("deployments").isOne();
        assertThat(database.count("SELECT COUNT(*) FROM ACT_RU_FILTER")).as("filters").isGreaterThan(1);
        assertThat(jdbc.queryForList("SELECT NAME_ FROM ACT_RU_FILTER GROUP BY NAME_ HAVING COUNT(*) > 1")).as("filters made twice").isEmpty();
        assertThat(jdbc.queryForList("SELECT GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IS NOT NULL "
                + "GROUP BY TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ HAVING COUNT(*) > 1")).as("authorizations made twice").isEmpty();
        assertThat(database.count("SELECT COUNT(*) FROM ACT_ID_GROUP WHERE ID_ IN ('secretariat', 'reviewers', 'committee', 'cities', 'camunda-admin')"))
                .as("groups").isEqualTo(5);
        assertThat(database.count("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = 'admin' AND GROUP_ID_ = 'camunda-admin'")).isOne();
        // the demo data: two cities, their proposals and the demo call, once
        assertThat(database.count("SELECT COUNT(*) FROM city")).as("demo cities").isEqualTo(2);
        assertThat(database.count("SELECT COUNT(*) FROM proposal")).as("demo proposals").isPositive();
        assertThat(jdbc.queryForList("SELECT title FROM proposal GROUP BY title HAVING COUNT(*) > 1")).as("demo proposals made twice").isEmpty();
        assertThat(jdbc.queryForList("SELECT title FROM call_for_proposals GROUP BY title HAVING COUNT(*) > 1")).as("calls made twice").isEmpty();
        assertThat(jdbc.queryForList("SELECT BUSINESS_KEY_ FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL AND BUSINESS_KEY_ IS NOT NULL "
                + "GROUP BY PROC_DEF_ID_, BUSINESS_KEY_ HAVING COUNT(*) > 1")).as("process instances started twice").isEmpty();
    }

    @Test
    @Order(2)
    void shouldServeACitySignedInOnOneNodeOnTheOther() {
        PortalClient onA = new PortalClient(nodeA.port()).signIn(CITY, DEMO_PASSWORD);
        PortalClient onB = onA.atPort(nodeB.port());

        HttpResponse<String> myProposals = onB.get("/proposals");
        assertThat(myProposals.statusCode()).as("my proposals on the other node").isEqualTo(200);
        assertThat(myProposals.body()).contains("Surabaya");

        // a form opened on one node is sent to the other: its CSRF token lives in the shared session
        String title = "Shared session " + System.nanoTime();
        HttpResponse<String> submitted = onB.post("/proposals/new",
                PortalRepeatScenarios.completeProposal(onA.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(), title, LocalDate.now())
                        .field("submit", "1"));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        String page = submitted.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(onA.get(page).body()).contains(title);

        // signed out on one node, signed out on both
        HttpResponse<String> signedOut = onB.postForm("/logout", "_csrf=" + PortalClient.enc(onB.open("/proposals").csrfToken()));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(onA.get("/proposals").headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/login"));
    }

    @Test
    @Order(3)
    void shouldLetOneOfTwoCompletionsOnTwoNodesThroughAndForgetTheTaskOnBoth() throws Exception {
        submitThroughBothNodes(2, "Screened on two nodes");
        StaffHttp officerOnA = StaffHttp.tasklist(nodeA.port(), "default", SECRETARIAT, DEMO_PASSWORD);
        StaffHttp officerOnB = StaffHttp.tasklist(nodeB.port(), "default", SECRETARIAT, DEMO_PASSWORD);
        StaffHttp restOnB = StaffHttp.restApi(nodeB.port(), "default", SECRETARIAT, DEMO_PASSWORD);
        JsonNode screenings = JSON.readTree(restOnB.get("/task?taskDefinitionKey=Task_ScreenProposal&processInstanceBusinessKeyLike=TW-%25").body());
        assertThat(screenings.size()).as("screening tasks").isGreaterThanOrEqualTo(2);

        String first = screenings.get(0).path("id").asText();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            Future<HttpResponse<String>> onA = officers.submit(atStart(start, () -> officerOnA.submitForm(first, Map.of("screeningOutcome", "complete"))));
            Future<HttpResponse<String>> onB = officers.submit(atStart(start, () -> officerOnB.submitForm(first, Map.of("screeningOutcome", "complete"))));
            start.countDown();
            assertThat(List.of(onA.get().statusCode(), onB.get().statusCode())).as("%s / %s", onA.get().body(), onB.get().body())
                    .containsExactlyInAnyOrder(204, 409);
        } finally {
            officers.shutdownNow();
        }
        assertThat(restOnB.get("/task/" + first).statusCode()).as("the completed task on node B").isEqualTo(404);
        assertThat(StaffHttp.restApi(nodeA.port(), "default", SECRETARIAT, DEMO_PASSWORD).get("/task/" + first).statusCode()).isEqualTo(404);
        assertThat(database.count("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL", first)).isOne();

        // completed on B, gone on A
        String second = screenings.get(1).path("id").asText();
        assertThat(officerOnB.submitForm(second, Map.of("screeningOutcome", "complete")).statusCode()).isEqualTo(204);
        HttpResponse<String> again = officerOnA.submitForm(second, Map.of("screeningOutcome", "complete"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(StaffHttp.message(again)).contains("already completed");
    }

    @Test
    @Order(4)
    void shouldRunEveryJobAndTimerOnceWhileBothNodesCompeteForThem() throws Exception {
        List<String> references = submitThroughBothNodes(16, "Jobs on two nodes");
        database.awaitNoDueJobs(Duration.ofMinutes(2));
        int timers = database.makeTimersDue();
        database.awaitNoDueJobs(Duration.ofMinutes(3));

        Map<String, Long> perNode = database.jobsRunPerNode();
        long twice = database.jobsRunMoreThanOnce();
        List<SmtpSink.Mail> mails = mail.received();
        long receivedMails = references.stream().mapToLong(reference -> mails.stream()
                .filter(m -> m.subject().startsWith("[" + reference + "] Proposal received")).count()).sum();
        Map<List<String>, Long> digestsPerPerson = mails.stream().filter(m -> m.subject().contains("waiting for you"))
                .collect(java.util.stream.Collectors.groupingBy(SmtpSink.Mail::recipients, java.util.stream.Collectors.counting()));
        System.out.printf("Two nodes: %d submissions (8 per node), %d timers made due; jobs run per node %s; jobs run twice: %d; "
                + "%d 'Proposal received' mails for %d submissions; staff digests per person %s; %d mails in all%n",
                references.size(), timers, perNode, twice, receivedMails, references.size(), digestsPerPerson.values(), mails.size());

        assertThat(twice).as("jobs run more than once").isZero();
        assertThat(perNode).as("both nodes ran jobs").containsKeys("node-a", "node-b");
        assertThat(timers).as("timers made due").isPositive();
        assertThat(database.failedJobs()).as("failed jobs and incidents").isZero();
        assertThat(receivedMails).as("one 'Proposal received' per submission").isEqualTo(references.size());
        assertThat(database.jdbc().queryForList("SELECT proposal_id FROM notification WHERE notice = 'PROPOSAL_RECEIVED' "
                + "GROUP BY proposal_id, recipient HAVING COUNT(*) > 1")).as("outbox rows stored twice").isEmpty();
        assertThat(digestsPerPerson).as("staff digests").isNotEmpty();
        assertThat(digestsPerPerson.values()).as("staff digests per person").allMatch(count -> count == 1);
        assertThat(database.count("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL AND BUSINESS_KEY_ IN ("
                + String.join(",", references.stream().map(r -> "'" + r + "'").toList()) + ")")).isEqualTo(references.size());
    }

    /** Half the forms opened on each node and sent to the other, in one session. */
    private List<String> submitThroughBothNodes(int count, String titlePrefix) throws Exception {
        PortalClient onA = new PortalClient(nodeA.port()).signIn(CITY, DEMO_PASSWORD);
        return DemoCitySubmissions.submit(List.of(onA, onA.atPort(nodeB.port())), count, titlePrefix);
    }

    private static <T> Callable<T> atStart(CountDownLatch start, Callable<T> action) {
        return () -> {
            start.await();
            return action.call();
        };
    }
}
