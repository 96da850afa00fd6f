package org.twinflow.system.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.TASK_ASSIGN_REPLACEMENT_REVIEWER;
import static org.twinflow.process.ProposalProcess.Elements.TASK_ASSIGN_REVIEWERS;
import static org.twinflow.process.ProposalProcess.Elements.TASK_DECLARE_CONFLICT_OF_INTEREST;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import org.twinflow.StaffHttp;
import org.twinflow.TestUsers;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * A completion that a listener refuses (missing or invalid input, or a service's refusal such as "already a
 * reviewer of this proposal") answers 400 with the message, through {@code /engine-rest} and through the
 * webapps' API that Tasklist calls, and leaves the task open with nothing written.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskRefusalIT {

    static final String OFFICER = "refusalofficer";
    static final String REVIEWER_A = "refusalreviewera";
    static final String REVIEWER_B = "refusalreviewerb";
    static final String PASSWORD = "refusal-test-password";

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CityRepository cities;
    @Autowired ProposalService proposals;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    City lead;

    @BeforeEach
    void staffAndCity() {
        TestUsers.ensure(identityService, OFFICER, "Rita", "Officer", OFFICER + "@staff.example", PASSWORD, StaffGroups.SECRETARIAT);
        TestUsers.ensure(identityService, REVIEWER_A, "Ana", "Reviewer", REVIEWER_A + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
        TestUsers.ensure(identityService, REVIEWER_B, "Bo", "Reviewer", REVIEWER_B + "@staff.example", PASSWORD, StaffGroups.REVIEWERS);
        lead = cities.save(ProposalFixtures.semarang(clock.instant()));
    }

    @Test
    void shouldAnswerAScreeningWithoutItsQuestionWith400ThroughTheRestApi() throws Exception {
        // given a proposal in screening
        Proposal proposal = submitted();
        Task screening = task(proposal, TASK_SCREEN_PROPOSAL);
        StaffHttp rest = StaffHttp.restApi(port, processEngine.getName(), OFFICER, PASSWORD);

        // when the officer asks for clarification without a question, by complete and by submit-form
        Map<String, Object> noQuestion = Map.of(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION, " ");
        HttpResponse<String> completed = rest.complete(screening.getId(), noQuestion);
        HttpResponse<String> submitted = rest.submitForm(screening.getId(), noQuestion);

        // then both are refused as the officer's mistake, with the reason
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(400);
        assertThat(StaffHttp.message(completed)).endsWith(CLARIFICATION_QUESTION + " is required");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(400);
        assertThat(StaffHttp.message(submitted)).endsWith(CLARIFICATION_QUESTION + " is required");

        // and the task is still open, with nothing recorded
        assertThat(taskService.createTaskQuery().taskId(screening.getId()).count()).isOne();
        assertThat(timelineEntries(proposal, "CLARIFICATION_REQUESTED")).isZero();
    }

    @Test
    void shouldAnswerTooFewReviewersWith400InTasklist() throws Exception {
        // given a screened proposal waiting for its reviewers
        Proposal proposal = screened();
        Task assignment = task(proposal, TASK_ASSIGN_REVIEWERS);
        StaffHttp tasklist = StaffHttp.tasklist(port, processEngine.getName(), OFFICER, PASSWORD);

        // when the officer ticks one reviewer only and presses Complete in Tasklist
        HttpResponse<String> response = tasklist.submitForm(assignment.getId(), Map.of(REVIEWERS, List.of(REVIEWER_A)));

        // then the service's refusal reaches Tasklist as a 400 with its message, and nobody is assigned
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(StaffHttp.message(response)).endsWith("Choose at least 2 different reviewers; 1 chosen");
        assertThat(taskService.createTaskQuery().taskId(assignment.getId()).count()).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review WHERE proposal_id = ?", Integer.class, proposal.getId())).isZero();
    }

    @Test
    void shouldAnswerAReplacementWhoAlreadyReviewsWith400InTasklistAndThroughTheRestApi() throws Exception {
        // given reviewer A declared a conflict, so the secretariat must replace A
        Proposal proposal = screened();
        taskService.complete(task(proposal, TASK_ASSIGN_REVIEWERS).getId(), Map.of(REVIEWERS, List.of(REVIEWER_A, REVIEWER_B)));
        Task declaration = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(TASK_DECLARE_CONFLICT_OF_INTEREST).taskAssignee(REVIEWER_A).singleResult();
        taskService.complete(declaration.getId(), Map.of(CONFLICT_OF_INTEREST, "declared", CONFLICT_DESCRIPTION, "Former adviser."));
        Task replacement = task(proposal, TASK_ASSIGN_REPLACEMENT_REVIEWER);

        // when the officer names reviewer B, who already reviews the proposal, in Tasklist and through the REST API
        Map<String, Object> alreadyReviewing = Map.of(REPLACEMENT_REVIEWER, REVIEWER_B);
        HttpResponse<String> inTasklist = StaffHttp.tasklist(port, processEngine.getName(), OFFICER, PASSWORD)
                .submitForm(replacement.getId(), alreadyReviewing);
        HttpResponse<String> throughRest = StaffHttp.restApi(port, processEngine.getName(), OFFICER, PASSWORD)
                .complete(replacement.getId(), alreadyReviewing);

        // then both answer 400 with the reason, and B has still one review only
        for (HttpResponse<String> response : List.of(inTasklist, throughRest)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(StaffHttp.message(response)).endsWith(REVIEWER_B + " is already a reviewer of this proposal");
        }
        assertThat(taskService.createTaskQuery().taskId(replacement.getId()).count()).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review WHERE proposal_id = ? AND reviewer_id = ?", Integer.class,
                proposal.getId(), REVIEWER_B)).isOne();
    }

    private Proposal submitted() {
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(lead.getId(), LocalDate.now(clock)), "semarang");
        Jobs.runAsync(managementService);
        return proposal;
    }

    private Proposal screened() {
        Proposal proposal = submitted();
        taskService.complete(task(proposal, TASK_SCREEN_PROPOSAL).getId(), Map.of(SCREENING_OUTCOME, "complete"));
        Jobs.runAsync(managementService);
        return proposal;
    }

    private Task task(Proposal proposal, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("%s of %s", taskKey, proposal.getReference()).isNotNull();
        return task;
    }

    private int timelineEntries(Proposal proposal, String event) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE proposal_id = ? AND event = ?", Integer.class,
                proposal.getId(), event);
    }
}
