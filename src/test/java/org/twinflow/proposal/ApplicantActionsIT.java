package org.twinflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.followup.FollowUpService;
import org.twinflow.notification.Notice;
import org.twinflow.notification.Notification;
import org.twinflow.notification.NotificationService;
import org.twinflow.screening.Clarification;
import org.twinflow.screening.ScreeningService;
import org.twinflow.timeline.TimelineEntry;
import org.twinflow.timeline.TimelineService;

/**
 * The application's own services with the real engine and database (H2): the status column, the
 * timeline and the notice outbox follow the process, and an applicant's action that the process is
 * not waiting for is refused without changing anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApplicantActionsIT {

    @Autowired ProposalService proposals;
    @Autowired ScreeningService screening;
    @Autowired FollowUpService followUp;
    @Autowired TimelineService timeline;
    @Autowired NotificationService notifications;
    @Autowired CityRepository cities;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;

    City city;

    @BeforeEach
    void registerCity() {
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
    }

    @Test
    void shouldKeepStatusTimelineAndNoticesInStepWithTheProcess() {
        // when a proposal is submitted and its first steps run
        Proposal proposal = submit();

        // then it waits in screening, and the applicant got a receipt at the city's address
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
        assertThat(proposal.getReference()).matches("TW-\\d{4}-\\d{4}");
        assertThat(notifications.sentFor(proposal.getId())).extracting(Notification::getNotice, Notification::getRecipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Notice.PROPOSAL_RECEIVED, "kerja.sama@semarang.example"));
        assertThat(timeline.visibleToApplicant(proposal.getId())).extracting(TimelineEntry::getEvent, TimelineEntry::getDetail)
                .contains(org.assertj.core.groups.Tuple.tuple("SUBMITTED", null),
                        org.assertj.core.groups.Tuple.tuple("STATUS_CHANGED", "IN_SCREENING"));
    }

    @Test
    void shouldStoreTheQuestionWithItsDeadlineAndBringTheAnswerBackToScreeningOnce() {
        // given a clarification request from the secretariat
        Proposal proposal = submit();
        completeTask(proposal, Map.of(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION, "Please attach the council resolution."));
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.CLARIFICATION_REQUESTED);
        Clarification asked = screening.openClarification(proposal.getId()).orElseThrow();
        assertThat(asked.getQuestion()).isEqualTo("Please attach the council resolution.");
        assertThat(Duration.between(asked.getAskedAt(), asked.getDeadline())).isBetween(Duration.ofDays(14).minusSeconds(1), Duration.ofDays(14));
        // one deadline: the stored one is the instant the process's timer waits for
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal.getReference()).singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId("BoundaryEvent_ClarificationDeadlinePassed").singleResult().getDuedate().toInstant()).isEqualTo(asked.getDeadline());

        // when the applicant answers
        screening.answerClarification(proposal.getReference(), "Attached: resolution 12/2026 of the city council.", "semarang");

        // then the proposal is back in screening and the form shows question and answer
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
        var task = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).singleResult();
        @SuppressWarnings("unchecked")
        Map<String, Object> shown = (Map<String, Object>) taskService.getVariable(task.getId(), CLARIFICATION);
        assertThat(shown).containsEntry("question", "Please attach the council resolution.")
                .containsEntry("answer", "Attached: resolution 12/2026 of the city council.");

        // and a second answer (double click, second tab) is refused and changes nothing
        assertThatThrownBy(() -> screening.answerClarification(proposal.getReference(), "Another answer", "semarang"))
                .isInstanceOf(ActionNotAwaitedException.class);
        assertThat(screening.clarificationsOf(proposal.getId())).singleElement()
                .extracting(Clarification::getAnswer).isEqualTo("Attached: resolution 12/2026 of the city council.");
    }

    @Test
    void shouldRefuseAnActionTheProcessDoesNotWaitForAndStoreNothing() {
        // given a proposal in screening
        Proposal proposal = submit();

        // when the applicant tries to upload an agreement or a report now
        assertThatThrownBy(() -> followUp.uploadAgreement(proposal.getReference(), "agreement.pdf", "semarang"))
                .isInstanceOf(ActionNotAwaitedException.class)
                .hasMessageContaining("is not waiting for AgreementUploaded");
        assertThatThrownBy(() -> proposals.submitRevision(proposal.getReference(),
                ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), "semarang"))
                .isInstanceOf(ActionNotAwaitedException.class);

        // then nothing was stored
        assertThat(followUp.recordOf(proposal.getId())).as("no agreement stored").isEmpty();
        assertThat(timeline.of(proposal.getId())).extracting(TimelineEntry::getEvent).doesNotContain("AGREEMENT_UPLOADED", "REVISION_SUBMITTED");
    }

    @Test
    void shouldRefuseToSubmitAnIncompleteDraftAndKeepItAsDraft() {
        // given a draft without summary and partners
        var full = ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock));
        Proposal draft = proposals.createDraft(new ProposalDraft(full.callId(), city.getId(), full.partnershipType(), full.thematicArea(), full.title(),
                null, null, null, full.startDate(), full.durationMonths(), full.totalBudget(), full.requestedAmount(),
                full.coFinancing(), "EUR", List.of(), full.sdgs(), List.of()));

        // when it is submitted, then it is refused with the missing fields and stays a draft without process
        assertThatThrownBy(() -> proposals.submit(draft.getReference(), "semarang"))
                .isInstanceOf(ProposalIncompleteException.class)
                .satisfies(e -> assertThat(((ProposalIncompleteException) e).getMissingFields()).containsExactly("summary", "partners"));
        assertThat(proposals.byReference(draft.getReference()).getStatus()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(draft.getReference()).count()).isZero();
    }

    private Proposal submit() {
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), "semarang");
        Jobs.runAsync(managementService);
        return proposal;
    }

    private void completeTask(Proposal proposal, Map<String, Object> variables) {
        var task = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).singleResult();
        taskService.complete(task.getId(), variables);
        Jobs.runAsync(managementService);
    }

}
