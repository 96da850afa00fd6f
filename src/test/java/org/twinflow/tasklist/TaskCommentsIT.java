package org.twinflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.twinflow.timeline.TimelineEntry;
import org.twinflow.timeline.TimelineService;

/** Comments staff add in Tasklist reach the applicant's timeline only when marked for the applicant. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskCommentsIT {

    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired CityRepository cities;
    @Autowired ProposalService proposals;
    @Autowired TimelineService timeline;
    @Autowired Clock clock;

    @Test
    void shouldShareOnlyCommentsMarkedForTheApplicant() {
        // given a proposal in screening, and two comments by the secretariat on its task
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        Proposal proposal = proposals.submitNew(ProposalFixtures.mobilityProposal(lead.getId(), LocalDate.now(clock),
                "Comment sharing check", List.of(ProposalFixtures.toyama())), "semarang");
        Jobs.runAsync(managementService);
        Task screening = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL).singleResult();
        identityService.setAuthentication("commentsofia", List.of(StaffGroups.SECRETARIAT));
        try {
            taskService.createComment(screening.getId(), screening.getProcessInstanceId(),
                    "For the applicant: Thank you, your budget table is exemplary.");
            taskService.createComment(screening.getId(), screening.getProcessInstanceId(), "Check the co-financing letters again.");
        } finally {
            identityService.clearAuthentication();
        }

        // when the screening is completed
        taskService.complete(screening.getId(), Map.of(ProposalProcess.Vars.SCREENING_OUTCOME, "complete"));

        // then only the marked comment is in the applicant's timeline, and both in the staff timeline
        assertThat(timeline.visibleToApplicant(proposal.getId()))
                .extracting(TimelineEntry::getEvent, TimelineEntry::getDetail)
                .contains(tuple("STAFF_COMMENT", "Thank you, your budget table is exemplary."))
                .doesNotContain(tuple("STAFF_COMMENT", "Check the co-financing letters again."));
        assertThat(timeline.of(proposal.getId())).extracting(TimelineEntry::getDetail)
                .contains("Check the co-financing letters again.");
    }
}
