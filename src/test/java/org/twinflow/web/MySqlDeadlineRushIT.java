package org.twinflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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
import org.twinflow.CallFixtures;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.ProposalFixtures;
import org.twinflow.RunningJobExecutor;
import org.twinflow.StaffHttp;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * Issue 12, part 1: the rush before a deadline. 200 cities, signed in, submit complete proposals through the portal over
 * HTTP from 32 threads at once, on the MySQL-compatible server with the production profile and the job executor
 * running (receipts and eligibility in the background, as in production). Every submission is answered by the redirect
 * to its page (no 5xx), gets its own reference and exactly one process instance, and every proposal reaches screening
 * with no incident. Then eight reviewers work through forty proposals at the same time in Tasklist (its REST API): every
 * completion goes through and each proposal is aggregated once. Prints the throughput and the latency percentiles of both
 * (recorded in docs/reliability.md).
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlDeadlineRushIT {

    private static final int CITIES = 200;
    private static final int REVIEWER_COUNT = 8;
    private static final int PROPOSALS_IN_REVIEW = 40;
    private static final int THREADS = 32;
    private static final String PASSWORD = "Deadline-rush-2027";

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itrushadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
    }

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;
    @Autowired ProcessEngine engine;
    @Autowired ProposalService proposals;

    @Test
    void shouldTakeEverySubmissionOfTheRushOnceWithoutAnError() throws Exception {
        // given 200 verified cities whose officers are signed in, each with the new-proposal form open
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<PortalClient>> signingIn = new ArrayList<>();
        for (int i = 0; i < CITIES; i++) {
            City city = cities.save(ProposalFixtures.semarang(clock.instant()));
            String officer = "rush" + i + "x" + UUID.randomUUID().toString().substring(0, 6);
            TestUsers.ensure(identityService, officer, "Rina", "Rush", officer + "@rush.example", PASSWORD, StaffGroups.CITIES);
            cityAccounts.link(officer, city.getId());
            signingIn.add(threads.submit(() -> new PortalClient(port).signIn(officer, PASSWORD)));
        }
        List<PortalClient> officers = new ArrayList<>();
        for (Future<PortalClient> f : signingIn) {
            officers.add(f.get(120, TimeUnit.SECONDS));
        }
        LocalDate today = LocalDate.now(clock);

        // when they all submit at once
        CountDownLatch start = new CountDownLatch(1);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Future<HttpResponse<String>>> submissions = new ArrayList<>();
        for (int i = 0; i < CITIES; i++) {
            PortalClient officer = officers.get(i);
            String title = "Flood resilience exchange number " + i;
            submissions.add(threads.submit(() -> {
                start.await();
                long began = System.nanoTime();
                var form = PortalRepeatScenarios.completeProposal(officer.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(), title, today)
                        .field("submit", "1");
                HttpResponse<String> answer = officer.post("/proposals/new", form);
                latencies.add(System.nanoTime() - began);
                return answer;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<String> references = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Future<HttpResponse<String>> f : submissions) {
            HttpResponse<String> answer = f.get(300, TimeUnit.SECONDS);
            String location = answer.headers().firstValue("Location").orElse("");
            if (answer.statusCode() == 302 && location.matches(".*/proposals/TW-\\d{4}-\\d{4}$")) {
                references.add(location.replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})$", "$1"));
            } else {
                failures.add(answer.statusCode() + " " + location + " " + answer.body().substring(0, Math.min(300, answer.body().length())));
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        threads.shutdown();

        // then every one is taken, once, with its own reference and its own process
        assertThat(failures).as("answers other than the proposal's page").isEmpty();
        Set<String> distinct = new HashSet<>(references);
        assertThat(distinct).hasSize(CITIES);
        for (String reference : distinct) {
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(reference).count()).as(reference).isOne();
        }
        // and the background jobs (receipt, eligibility) bring every one to screening, without an incident
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (inScreening() < CITIES && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(inScreening()).isEqualTo(CITIES);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("Deadline rush: %d submissions from %d threads in %.1f s, %.1f per second; latency (form + submit) "
                + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; 0 errors%n", CITIES, THREADS, seconds, CITIES / seconds,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1_000_000);
    }

    @Test
    void shouldTakeTheReviewersParallelWorkOnDifferentProposalsWithoutAnError() throws Exception {
        // given 40 proposals in review, each with two of eight reviewers, who have their Tasklist open
        List<String> reviewerIds = new ArrayList<>();
        List<StaffHttp> sessions = new ArrayList<>();
        for (int r = 0; r < REVIEWER_COUNT; r++) {
            String id = "rushreviewer" + r + "x" + UUID.randomUUID().toString().substring(0, 4);
            TestUsers.ensure(identityService, id, "Rev", "Iewer " + r, id + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
            reviewerIds.add(id);
            sessions.add(StaffHttp.tasklist(port, engine.getName(), id, PASSWORD));
        }
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        List<String> references = new ArrayList<>();
        for (int i = 0; i < PROPOSALS_IN_REVIEW; i++) {
            Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), "rush");
            complete(RunningJobExecutor.waitForTask(engine.getTaskService(), proposal.getReference(), TASK_SCREEN_PROPOSAL, null),
                    Map.of(SCREENING_OUTCOME, "complete"));
            complete(RunningJobExecutor.waitForTask(engine.getTaskService(), proposal.getReference(), TASK_ASSIGN_REVIEWERS, null),
                    Map.of(REVIEWERS, List.of(reviewerIds.get(i % REVIEWER_COUNT), reviewerIds.get((i + 1) % REVIEWER_COUNT))));
            references.add(proposal.getReference());
        }

        // when every reviewer works through their proposals at the same time: declares no conflict, then scores
        ExecutorService threads = Executors.newFixedThreadPool(REVIEWER_COUNT);
        CountDownLatch start = new CountDownLatch(1);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> working = new ArrayList<>();
        for (int r = 0; r < REVIEWER_COUNT; r++) {
            String reviewer = reviewerIds.get(r);
            StaffHttp tasklist = sessions.get(r);
            working.add(threads.submit(() -> {
                start.await();
                for (String reference : references) {
                    for (String taskKey : List.of(TASK_DECLARE_CONFLICT_OF_INTEREST, TASK_SCORE_PROPOSAL)) {
                        var task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
                                .taskAssignee(reviewer).singleResult();
                        if (task == null) {
                            continue;
                        }
                        Map<String, Object> variables = taskKey.equals(TASK_SCORE_PROPOSAL) ? ProposalFixtures.scores(4, "Scored in the rush.")
                                : Map.of(CONFLICT_OF_INTEREST, "none");
                        long began = System.nanoTime();
                        HttpResponse<String> answer = tasklist.submitForm(task.getId(), variables);
                        latencies.add(System.nanoTime() - began);
                        if (answer.statusCode() != 204) {
                            failures.add(reviewer + " " + taskKey + " " + reference + ": " + answer.statusCode() + " " + answer.body());
                        }
                    }
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        for (Future<?> f : working) {
            f.get(300, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        threads.shutdown();

        // then every completion went through, and every proposal was aggregated once and waits for the committee
        assertThat(failures).isEmpty();
        assertThat(latencies).hasSize(PROPOSALS_IN_REVIEW * 4);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (inDecision(references) < PROPOSALS_IN_REVIEW && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(inDecision(references)).isEqualTo(PROPOSALS_IN_REVIEW);
        for (String reference : references) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry t JOIN proposal p ON p.id = t.proposal_id "
                    + "WHERE p.reference = ? AND t.event = 'SCORES_AGGREGATED'", Integer.class, reference)).as(reference).isOne();
        }
        assertThat(runtimeService.createIncidentQuery().count()).isZero();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("Reviewers in parallel: %d completions by %d reviewers in %.1f s, %.1f per second; latency p50 %d ms, "
                + "p95 %d ms, p99 %d ms; 0 errors%n", latencies.size(), REVIEWER_COUNT, seconds, latencies.size() / seconds,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    private int inDecision(List<String> references) {
        return (int) references.stream().filter(r -> jdbc.queryForObject("SELECT status FROM proposal WHERE reference = ?", String.class, r)
                .equals("IN_DECISION")).count();
    }


    private void complete(org.camunda.bpm.engine.task.Task task, Map<String, Object> variables) {
        engine.getTaskService().complete(task.getId(), variables);
    }


    private int inScreening() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE status = 'IN_SCREENING' AND title LIKE 'Flood resilience exchange number %'",
                Integer.class);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1_000_000;
    }
}
