package org.twinflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;
import static org.twinflow.RunningJobExecutor.waitForTask;
import static org.twinflow.RunningJobExecutor.waitUntil;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.ProposalFixtures;
import org.twinflow.StaffHttp;
import org.twinflow.TestUsers;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.StaffGroups;

/**
 * Issue 12, part 2: the two reviewers of a proposal submit their scores in Tasklist (its REST API, {@code submit-form})
 * at the same moment, round after round, on the MySQL-compatible server with the job executor running, as in
 * production. Both are accepted (the review's join runs in a job of its own, asyncAfter, so neither completion touches
 * the other's execution), both scores count, and the aggregation runs exactly once: one score summary, one
 * "scores aggregated" entry, one committee task, no incident.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlSimultaneousReviewsIT {

    private static final int ROUNDS = 12;
    private static final String REVIEWER_1 = "parallelreviewer1";
    private static final String REVIEWER_2 = "parallelreviewer2";
    private static final String PASSWORD = "parallel-reviewers-password";

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itreviewsadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
        // the joins of the two branches run in the job executor's threads, as in production
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
    }

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired ProposalService proposals;
    @Autowired CityRepository cities;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void shouldCountBothScoresAndAggregateOnceWhenTwoReviewersSubmitAtTheSameMoment() throws Exception {
        var identity = engine.getIdentityService();
        TestUsers.ensure(identity, REVIEWER_1, "Rae", "One", REVIEWER_1 + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
        TestUsers.ensure(identity, REVIEWER_2, "Rob", "Two", REVIEWER_2 + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
        StaffHttp reviewer1 = StaffHttp.tasklist(port, engine.getName(), REVIEWER_1, PASSWORD);
        StaffHttp reviewer2 = StaffHttp.tasklist(port, engine.getName(), REVIEWER_2, PASSWORD);
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        ExecutorService reviewers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                // given a proposal whose two reviewers have declared no conflict and now score it
                Proposal proposal = inScoring(lead);
                Task first = waitForTask(engine.getTaskService(), proposal.getReference(), TASK_SCORE_PROPOSAL, REVIEWER_1);
                Task second = waitForTask(engine.getTaskService(), proposal.getReference(), TASK_SCORE_PROPOSAL, REVIEWER_2);

                // when both press Complete at the same moment
                CountDownLatch start = new CountDownLatch(1);
                Map<String, Object> four = ProposalFixtures.scores(4, "Scored 4 at the same moment as the other reviewer.");
                Map<String, Object> two = ProposalFixtures.scores(2, "Scored 2 at the same moment as the other reviewer.");
                Future<HttpResponse<String>> answer1 = reviewers.submit(atStart(start, () -> reviewer1.submitForm(first.getId(), four)));
                Future<HttpResponse<String>> answer2 = reviewers.submit(atStart(start, () -> reviewer2.submitForm(second.getId(), two)));
                start.countDown();
                HttpResponse<String> response1 = answer1.get(60, TimeUnit.SECONDS);
                HttpResponse<String> response2 = answer2.get(60, TimeUnit.SECONDS);

                // then both are accepted
                String where = "round " + round + " of " + proposal.getReference() + ": " + response1.statusCode() + " " + response1.body()
                        + " / " + response2.statusCode() + " " + response2.body();
                assertThat(List.of(response1.statusCode(), response2.statusCode())).as(where).containsExactly(204, 204);

                // and once the jobs have run, both scores count and the aggregation ran once
                waitUntil(() -> proposals.byReference(proposal.getReference()).getStatus() == ProposalStatus.IN_DECISION, where);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review WHERE proposal_id = ? AND status = 'SUBMITTED'", Integer.class,
                        proposal.getId())).as("submitted reviews, " + where).isEqualTo(2);
                assertThat(jdbc.queryForObject("SELECT overall FROM score_summary WHERE proposal_id = ?", java.math.BigDecimal.class,
                        proposal.getId())).as("overall score, " + where).isEqualByComparingTo("3.00");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE proposal_id = ? AND event = 'SCORES_AGGREGATED'",
                        Integer.class, proposal.getId())).as("aggregations, " + where).isOne();
                assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                        .taskDefinitionKey(TASK_DECIDE_ON_PROPOSAL).count()).as("committee tasks, " + where).isOne();
                assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents, " + where).isZero();
            }
        } finally {
            reviewers.shutdownNow();
        }
    }

    /** Submitted, screened, given to both reviewers, who declared no conflict: each has a scoring task. */
    private Proposal inScoring(City lead) throws InterruptedException {
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(lead.getId(), LocalDate.now(clock)), "semarang");
        TaskService tasks = engine.getTaskService();
        complete(waitForTask(tasks, proposal.getReference(), TASK_SCREEN_PROPOSAL, null), Map.of(SCREENING_OUTCOME, "complete"));
        complete(waitForTask(tasks, proposal.getReference(), TASK_ASSIGN_REVIEWERS, null), Map.of(REVIEWERS, List.of(REVIEWER_1, REVIEWER_2)));
        for (String reviewer : List.of(REVIEWER_1, REVIEWER_2)) {
            complete(waitForTask(tasks, proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, reviewer), Map.of(CONFLICT_OF_INTEREST, "none"));
        }
        return proposal;
    }



    private void complete(Task task, Map<String, Object> variables) {
        engine.getTaskService().complete(task.getId(), variables);
    }



    private static <T> Callable<T> atStart(CountDownLatch start, Callable<T> request) {
        return () -> {
            start.await();
            return request.call();
        };
    }
}
