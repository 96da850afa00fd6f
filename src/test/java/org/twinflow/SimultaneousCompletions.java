package org.twinflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.TASK_ASSIGN_REVIEWERS;
import static org.twinflow.process.ProposalProcess.Elements.TASK_DECLARE_CONFLICT_OF_INTEREST;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.REVIEWERS;
import static org.twinflow.process.ProposalProcess.Vars.SCREENING_OUTCOME;

import java.net.http.HttpResponse;
import java.time.Clock;
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
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * Two secretariat officers press Complete on the same "Assign reviewers" task in Tasklist at the same
 * moment (its REST API, {@code submit-form}), round after round, against the running application: exactly
 * one completion goes through, the other is told "already completed" by whom (409), and nothing of the
 * loser's attempt remains: one completion in history, the review started once, two review rows and one
 * timeline entry. Both sign in by session: with HTTP Basic each request first spends about 90 ms hashing
 * the password (PBKDF2), which staggered the two so that they hardly ever overlapped.
 */
public final class SimultaneousCompletions {

    public static final String OFFICER_1 = "racingofficer1";
    public static final String OFFICER_2 = "racingofficer2";
    private static final String REVIEWER_1 = "racingreviewer1";
    private static final String REVIEWER_2 = "racingreviewer2";
    private static final String PASSWORD = "racing-officers-password";

    private final int port;
    private final ProcessEngine engine;
    private final ProposalService proposals;
    private final CityRepository cities;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SimultaneousCompletions(int port, ProcessEngine engine, ProposalService proposals, CityRepository cities, JdbcTemplate jdbc,
            Clock clock) {
        this.port = port;
        this.engine = engine;
        this.proposals = proposals;
        this.cities = cities;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void run(int rounds) throws Exception {
        var identity = engine.getIdentityService();
        TestUsers.ensure(identity, OFFICER_1, "Ola", "First", OFFICER_1 + "@staff.example", PASSWORD, StaffGroups.SECRETARIAT);
        TestUsers.ensure(identity, OFFICER_2, "Tom", "Second", OFFICER_2 + "@staff.example", PASSWORD, StaffGroups.SECRETARIAT);
        TestUsers.ensure(identity, REVIEWER_1, "Rae", "One", REVIEWER_1 + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
        TestUsers.ensure(identity, REVIEWER_2, "Rob", "Two", REVIEWER_2 + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        StaffHttp officer1 = StaffHttp.tasklist(port, engine.getName(), OFFICER_1, PASSWORD);
        StaffHttp officer2 = StaffHttp.tasklist(port, engine.getName(), OFFICER_2, PASSWORD);
        Map<String, Object> reviewers = Map.of(REVIEWERS, List.of(REVIEWER_1, REVIEWER_2));

        ExecutorService officers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= rounds; round++) {
                // given a proposal waiting for its reviewers
                Proposal proposal = screenedProposal(lead);
                Task task = task(proposal, TASK_ASSIGN_REVIEWERS);

                // when both officers press Complete at the same moment
                CountDownLatch start = new CountDownLatch(1);
                Future<HttpResponse<String>> first = officers.submit(atStart(start, () -> officer1.submitForm(task.getId(), reviewers)));
                Future<HttpResponse<String>> second = officers.submit(atStart(start, () -> officer2.submitForm(task.getId(), reviewers)));
                start.countDown();
                HttpResponse<String> answer1 = first.get(60, TimeUnit.SECONDS);
                HttpResponse<String> answer2 = second.get(60, TimeUnit.SECONDS);

                // then one goes through and the other hears who was first
                String where = "round " + round + ": " + OFFICER_1 + " " + answer1.statusCode() + " " + answer1.body()
                        + " / " + OFFICER_2 + " " + answer2.statusCode() + " " + answer2.body();
                assertThat(List.of(answer1.statusCode(), answer2.statusCode())).as(where).containsExactlyInAnyOrder(204, 409);
                boolean officer1Won = answer1.statusCode() == 204;
                assertThat(StaffHttp.message(officer1Won ? answer2 : answer1)).as(where)
                        .contains("This task was already completed by " + (officer1Won ? OFFICER_1 : OFFICER_2) + " on ");

                // and the process and our tables show exactly one completion
                assertCompletedOnce(proposal, task, where);
            }
        } finally {
            officers.shutdownNow();
        }
    }

    private void assertCompletedOnce(Proposal proposal, Task task, String where) {
        var history = engine.getHistoryService();
        assertThat(history.createUserOperationLogQuery().taskId(task.getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).count()).as("completions in history, " + where).isOne();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .activityId(TASK_ASSIGN_REVIEWERS).finished().count()).as("assignments passed, " + where).isOne();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey(TASK_DECLARE_CONFLICT_OF_INTEREST).count()).as("reviews started, " + where).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review WHERE proposal_id = ?", Integer.class, proposal.getId()))
                .as("review rows, " + where).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE proposal_id = ? AND event = 'REVIEWERS_ASSIGNED'",
                Integer.class, proposal.getId())).as("timeline entries, " + where).isOne();
    }

    private Proposal screenedProposal(City lead) {
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(lead.getId(), LocalDate.now(clock)), "semarang");
        Jobs.runAsync(engine.getManagementService());
        engine.getTaskService().complete(task(proposal, TASK_SCREEN_PROPOSAL).getId(), Map.of(SCREENING_OUTCOME, "complete"));
        Jobs.runAsync(engine.getManagementService());
        return proposal;
    }

    private Task task(Proposal proposal, String taskKey) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s of %s", taskKey, proposal.getReference()).isNotNull();
        return task;
    }

    private static <T> Callable<T> atStart(CountDownLatch start, Callable<T> request) {
        return () -> {
            start.await();
            return request.call();
        };
    }
}
