package org.twinflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/** The shared Tasklist filters, the task names and the follow-up dates, on the real engine. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistFiltersIT {

    @Autowired TasklistFilters tasklistFilters;
    @Autowired FilterService filterService;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CityRepository cities;
    @Autowired ProposalService proposals;
    @Autowired Clock clock;

    @AfterEach
    void reset() {
        identityService.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void shouldCreateEachFilterOnceAcrossRestarts() {
        // when the application starts twice more
        tasklistFilters.createOrUpdate();
        tasklistFilters.createOrUpdate();

        // then each filter exists exactly once
        for (TasklistFilter filter : TasklistFilters.FILTERS) {
            assertThat(filterService.createTaskFilterQuery().filterName(filter.name()).count()).as(filter.name()).isEqualTo(1);
        }
    }

    @Test
    void shouldShowEachGroupItsOwnFiltersOnly() {
        assertThat(visibleFilters(StaffGroups.SECRETARIAT)).containsExactlyInAnyOrder(TasklistFilters.SCREENING,
                TasklistFilters.ASSIGN_REVIEWERS, TasklistFilters.AGREEMENTS_AND_REPORTS, TasklistFilters.OVERDUE);
        assertThat(visibleFilters(StaffGroups.REVIEWERS)).containsExactlyInAnyOrder(TasklistFilters.MY_REVIEWS, TasklistFilters.OVERDUE);
        assertThat(visibleFilters(StaffGroups.COMMITTEE)).containsExactlyInAnyOrder(TasklistFilters.DECISIONS, TasklistFilters.OVERDUE);
        assertThat(visibleFilters(StaffGroups.CITIES)).isEmpty();
    }

    @Test
    void shouldRefuseStaffStoringFiltersOfTheirOwn() {
        identityService.setAuthentication("filterreviewer", List.of(StaffGroups.REVIEWERS));
        assertThatThrownBy(() -> filterService.saveFilter(filterService.newTaskFilter("Mine")
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"))))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("CREATE");
    }

    @Test
    void shouldNameScreeningTasksAfterTheProposalAndListThemByDueDateWithTheirColumns() {
        // given two submitted proposals, the second a day later
        Proposal first = submit("Light rail exchange 🚆 Semarang–Toyama");
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(1))));
        Proposal second = submit("Feeder buses for Semarang");

        // then their screening tasks carry reference and title, emoji and all, and a follow-up date
        Task task = screeningTaskOf(first);
        assertThat(task.getName()).isEqualTo("Screen proposal " + first.getReference() + " · Light rail exchange 🚆 Semarang–Toyama");
        assertThat(taskService.getVariable(task.getId(), ProposalProcess.Vars.PROPOSAL_TITLE)).isEqualTo("Light rail exchange 🚆 Semarang–Toyama");
        assertThat(task.getDescription()).startsWith("Check that the proposal is complete");
        assertThat(Duration.between(task.getFollowUpDate().toInstant(), task.getDueDate().toInstant())).isEqualTo(Duration.ofDays(2));
        assertThat(taskService.getVariables(task.getId())).containsEntry(ProposalProcess.Vars.PROPOSAL_REFERENCE, first.getReference())
                .containsEntry(ProposalProcess.Vars.LEAD_CITY, "Semarang");

        // and the Screening filter lists them by due date
        List<String> listed = filterService.<Task>list(filterId(TasklistFilters.SCREENING)).stream()
                .map(Task::getId).toList();
        assertThat(listed).containsSubsequence(screeningTaskOf(first).getId(), screeningTaskOf(second).getId());
        assertThat(filterService.<Task>list(filterId(TasklistFilters.DECISIONS))).extracting(Task::getId)
                .doesNotContain(screeningTaskOf(first).getId());
    }

    @Test
    void shouldListATaskAsOverdueOnceItsDueDatePasses() {
        // given a screening task due in five days
        Proposal proposal = submit("Overdue screening check");
        String taskId = screeningTaskOf(proposal).getId();
        assertThat(filterService.<Task>list(filterId(TasklistFilters.OVERDUE))).extracting(Task::getId).doesNotContain(taskId);

        // when six days pass
        ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofDays(6))));

        // then it is overdue
        assertThat(filterService.<Task>list(filterId(TasklistFilters.OVERDUE))).extracting(Task::getId).contains(taskId);
    }

    private List<String> visibleFilters(String group) {
        identityService.setAuthentication("someone" + group.replace("-", ""), List.of(group));
        try {
            return filterService.createTaskFilterQuery().list().stream().map(Filter::getName)
                    .filter(name -> TasklistFilters.FILTERS.stream().anyMatch(f -> f.name().equals(name)) || "All tasks".equals(name))
                    .toList();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private String filterId(String name) {
        return filterService.createTaskFilterQuery().filterName(name).singleResult().getId();
    }

    private Proposal submit(String title) {
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        Proposal proposal = proposals.submitNew(ProposalFixtures.mobilityProposal(lead.getId(), LocalDate.now(clock), title,
                List.of(ProposalFixtures.toyama())), "semarang");
        Jobs.runAsync(managementService);
        return proposal;
    }

    private Task screeningTaskOf(Proposal proposal) {
        return taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL).singleResult();
    }
}
