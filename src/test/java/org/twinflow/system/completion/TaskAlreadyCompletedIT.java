package org.twinflow.system.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.TASK_ASSIGN_REVIEWERS;
import static org.twinflow.process.ProposalProcess.Elements.TASK_DECLARE_CONFLICT_OF_INTEREST;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.SimultaneousCompletions;
import org.twinflow.StaffHttp;
import org.twinflow.TestUsers;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.StaffGroups;

/**
 * A second completion of a task answers 409 "already completed" instead of 500, on H2: after the first
 * has finished (with who and when for those who may read the task's history) and at the same moment as
 * the first ({@link SimultaneousCompletions}; MariaDB: {@code MySqlSimultaneousCompletionIT}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskAlreadyCompletedIT {

    static final String OFFICER_1 = "secondofficer1";
    static final String OFFICER_2 = "secondofficer2";
    static final String REVIEWER_1 = "secondreviewer1";
    static final String REVIEWER_2 = "secondreviewer2";
    static final String PASSWORD = "second-completion-password";

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired CityRepository cities;
    @Autowired ProposalService proposals;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @BeforeEach
    void staff() {
        TestUsers.ensure(identityService, OFFICER_1, "Una", "First", OFFICER_1 + "@staff.example", PASSWORD, StaffGroups.SECRETARIAT);
        TestUsers.ensure(identityService, OFFICER_2, "Dan", "Second", OFFICER_2 + "@staff.example", PASSWORD, StaffGroups.SECRETARIAT);
        TestUsers.ensure(identityService, REVIEWER_1, "Ivy", "One", REVIEWER_1 + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
        TestUsers.ensure(identityService, REVIEWER_2, "Eli", "Two", REVIEWER_2 + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
    }

    @Test
    void shouldTellWhoCompletedTheTaskFirstThroughTheRestApiAndInTasklist() throws Exception {
        // given officer 1 has completed the screening through the REST API
        Proposal proposal = submitted();
        Task screening = task(proposal, TASK_SCREEN_PROPOSAL, null);
        Map<String, Object> complete = Map.of(SCREENING_OUTCOME, "complete");
        assertThat(StaffHttp.restApi(port, processEngine.getName(), OFFICER_1, PASSWORD).complete(screening.getId(), complete).statusCode())
                .isEqualTo(204);

        // when officer 2 completes it too, through the REST API and in Tasklist
        HttpResponse<String> throughRest = StaffHttp.restApi(port, processEngine.getName(), OFFICER_2, PASSWORD)
                .complete(screening.getId(), complete);
        HttpResponse<String> inTasklist = StaffHttp.tasklist(port, processEngine.getName(), OFFICER_2, PASSWORD)
                .submitForm(screening.getId(), complete);

        // then both are told that officer 1 completed it, and when
        String completedAt = DisplayDates.dateTime(historyService.createHistoricTaskInstanceQuery().taskId(screening.getId())
                .singleResult().getEndTime().toInstant());
        for (HttpResponse<String> response : List.of(throughRest, inTasklist)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(StaffHttp.message(response)).endsWith("This task was already completed by " + OFFICER_1 + " on " + completedAt + ".");
        }
        // and the process went on once
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(TASK_ASSIGN_REVIEWERS).count()).isOne();
    }

    @Test
    void shouldTellAReviewerOnlyThatTheTaskWasCompletedWhenTheyMayNotReadItsHistory() throws Exception {
        // given reviewer 1 has declared no conflict in Tasklist
        Proposal proposal = submitted();
        taskService.complete(task(proposal, TASK_SCREEN_PROPOSAL, null).getId(), Map.of(SCREENING_OUTCOME, "complete"));
        taskService.complete(task(proposal, TASK_ASSIGN_REVIEWERS, null).getId(), Map.of(REVIEWERS, List.of(REVIEWER_1, REVIEWER_2)));
        Task declaration = task(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, REVIEWER_1);
        StaffHttp reviewer = StaffHttp.tasklist(port, processEngine.getName(), REVIEWER_1, PASSWORD);
        assertThat(reviewer.submitForm(declaration.getId(), Map.of(CONFLICT_OF_INTEREST, "none")).statusCode()).isEqualTo(204);

        // when the reviewer presses Complete again (a second tab)
        HttpResponse<String> again = reviewer.submitForm(declaration.getId(), Map.of(CONFLICT_OF_INTEREST, "none"));

        // then it is "already completed", without who and when: reviewers may not read the process history
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(StaffHttp.message(again)).endsWith("This task was already completed.");
    }

    @Test
    void shouldLetExactlyOneOfTwoSimultaneousCompletionsThrough() throws Exception {
        new SimultaneousCompletions(port, processEngine, proposals, cities, jdbc, clock).run(20);
    }

    private Proposal submitted() {
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(lead.getId(), LocalDate.now(clock)), "semarang");
        Jobs.runAsync(managementService);
        return proposal;
    }

    private Task task(Proposal proposal, String taskKey, String assignee) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskDefinitionKey(taskKey);
        if (assignee != null) {
            query.taskAssignee(assignee);
        }
        Task task = query.singleResult();
        assertThat(task).as("%s of %s", taskKey, proposal.getReference()).isNotNull();
        return task;
    }
}
