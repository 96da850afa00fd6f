package org.twinflow.proposal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.twinflow.ProcessFixture;
import org.twinflow.approval.Decision;
import org.twinflow.notification.Notice;
import org.twinflow.process.ProposalProcess;
import org.twinflow.process.TaskInput;
import org.twinflow.review.Recommendation;
import org.twinflow.review.Scores;
import org.twinflow.screening.ScreeningOutcome;
import org.twinflow.system.DisplayDates;

/**
 * One test per business path of {@code partnership-proposal} on the real BPMN and DMN, with the real
 * delegates and listeners over mocked services. Timers fire by moving the engine clock.
 */
@Deployment(resources = {
        "processes/partnership-proposal.bpmn", "processes/partnership-follow-up.bpmn", "processes/proposal-eligibility.dmn",
        "forms/screen-proposal.form", "forms/assign-reviewers.form", "forms/declare-conflict-of-interest.form",
        "forms/assign-replacement-reviewer.form", "forms/review-proposal.form", "forms/decide-on-proposal.form",
        "forms/verify-agreement.form", "forms/review-progress-report.form", "forms/evaluate-final-report.form"})
class PartnershipProposalProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    static final long PROPOSAL = 42L;
    static final String REFERENCE = "TW-2026-0042";
    static final String CALL_REF = "CITIES-2027";

    ProcessEngine processEngine;
    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        init(processEngine);
        fixture = new ProcessFixture(processEngine);
        // A fixed clock, so that due dates computed by the engine can be compared exactly.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-02T09:00:00Z")));
    }

    @AfterEach
    void tearDown() {
        fixture.reset();
    }

    @Test
    void shouldCloseIneligibleProposalWithTheDecisionsReasons() {
        // given a proposal without a partner in another country
        when(fixture.proposals.eligibilityFactsOf(PROPOSAL)).thenReturn(new EligibilityFacts(1L, "MUNICIPALITY", "ID", 0, "MOBILITY", 2, 18,
                new java.math.BigDecimal("90000"), new java.math.BigDecimal("150000")));
        VariableMap variables = eligibleProposal();

        // when it is submitted
        ProcessInstance instance = start(variables);
        fixture.runAsyncJobs();

        // then it is closed with the reason, and the applicant is told
        assertThat(instance).hasPassed(TASK_CHECK_ELIGIBILITY, END_PROPOSAL_INELIGIBLE).isEnded();
        verify(fixture.screening).recordIneligibility(PROPOSAL, List.of("NO_FOREIGN_PARTNER"));
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_RECEIVED, null);
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_INELIGIBLE, null);
    }

    @Test
    void shouldCloseProposalThatTheSecretariatFindsIneligible() {
        // given an eligible proposal in screening
        ProcessInstance instance = startAndRunToScreening();

        // when the secretariat finds it ineligible, with a reason
        complete(task(), withVariables(SCREENING_OUTCOME, "ineligible", SCREENING_NOTE, "The applicant is a national agency."));
        fixture.runAsyncJobs();

        // then it ends as ineligible with the screening reason
        assertThat(instance).hasPassed(END_PROPOSAL_INELIGIBLE).isEnded();
        verify(fixture.screening).recordOutcome(eq(PROPOSAL), eq(ScreeningOutcome.INELIGIBLE), eq(null),
                eq("The applicant is a national agency."), anyString(), isNull());
        verify(fixture.screening).recordIneligibility(PROPOSAL, List.of("SCREENED_INELIGIBLE"));
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_INELIGIBLE, null);
        verify(fixture.fundingMessages).proposalSettled(any());
    }

    @Test
    void shouldReturnToScreeningWhenTheApplicantAnswersTheClarification() {
        // given a proposal in screening
        ProcessInstance instance = startAndRunToScreening();
        assertThat(task()).hasCandidateGroup("secretariat").hasFormKey(null);

        // when the secretariat asks a question (the engine's clock stands still, so that the deadline can be compared)
        ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
        complete(task(), withVariables(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION, "Please attach the council resolution."));
        fixture.runAsyncJobs();

        // then the applicant is asked and the process waits for the answer
        assertThat(instance).isWaitingAt(TASK_AWAIT_CLARIFICATION);
        Instant due = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14));
        verify(fixture.screening).recordOutcome(eq(PROPOSAL), eq(ScreeningOutcome.NEEDS_CLARIFICATION),
                eq("Please attach the council resolution."), eq(null), anyString(), eq(due));
        // one deadline: the one stored with the question is the one the process's timer waits for
        assertThat(timerDue("BoundaryEvent_ClarificationDeadlinePassed")).isEqualTo(due);
        verify(fixture.notifications).send(PROPOSAL, Notice.CLARIFICATION_REQUESTED, null);
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.CLARIFICATION_REQUESTED);

        // when the applicant answers
        runtimeService().createMessageCorrelation(ProposalProcess.Messages.CLARIFICATION_PROVIDED)
                .processInstanceBusinessKey(REFERENCE).correlate();

        // then the proposal is back in screening, with a fresh screening form
        assertThat(instance).isWaitingAt(TASK_SCREEN_PROPOSAL);
        assertThat(variablesOf(task())).doesNotContainKeys(SCREENING_OUTCOME, CLARIFICATION_QUESTION, SCREENING_NOTE);
        var order = inOrder(fixture.proposals);
        order.verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.IN_SCREENING);
        order.verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.CLARIFICATION_REQUESTED);
        order.verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.IN_SCREENING);
        verify(fixture.notifications, never()).send(PROPOSAL, Notice.CLARIFICATION_REMINDER, null);
    }

    @Test
    void shouldRemindThenWithdrawWhenTheClarificationDeadlinePasses() {
        // given a clarification request
        ProcessInstance instance = startAndRunToScreening();
        complete(task(), withVariables(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION, "Which partner co-finances?"));
        fixture.runAsyncJobs();

        // when the reminder time comes (deadline 14 days, reminder 3 days before)
        fixture.fireTimerAfter(BOUNDARY_CLARIFICATION_REMINDER_DUE, Duration.ofDays(11).plusMinutes(1));

        // then the applicant is reminded and the process still waits
        verify(fixture.notifications).send(PROPOSAL, Notice.CLARIFICATION_REMINDER, null);
        assertThat(instance).isWaitingAt(TASK_AWAIT_CLARIFICATION);

        // when the deadline passes without an answer
        fixture.fireTimerAfter("BoundaryEvent_ClarificationDeadlinePassed", Duration.ofDays(3));

        // then the proposal is withdrawn and the applicant told
        assertThat(instance).hasPassed(TASK_NOTIFY_WITHDRAWAL, END_PROPOSAL_WITHDRAWN).isEnded();
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.WITHDRAWN);
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_WITHDRAWN, null);
    }

    @Test
    void shouldRefuseScreeningThatAsksForClarificationWithoutAQuestion() {
        // given a proposal in screening
        ProcessInstance instance = startAndRunToScreening();
        Task screeningTask = task();

        // when the secretariat asks for clarification but writes no question
        // then the completion is refused and the task stays open
        assertThatThrownBy(() -> taskService().complete(screeningTask.getId(),
                withVariables(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION, "  ")))
                .isInstanceOf(TaskInput.TaskInputException.class)
                .hasMessage(CLARIFICATION_QUESTION + " is required");
        assertThat(instance).isWaitingAt(TASK_SCREEN_PROPOSAL);
        verify(fixture.screening, never()).recordOutcome(any(), any(), any(), any(), any(), any());
    }

    @Test
    void shouldReplaceAReviewerWhoDeclaresAConflictOfInterest() {
        // given two reviewers assigned
        ProcessInstance instance = startAndRunToReview(List.of("amara", "bao"));
        assertThat(instance).isWaitingAt(TASK_DECLARE_CONFLICT_OF_INTEREST);
        verify(fixture.reviews).assign(eq(PROPOSAL), eq(List.of("amara", "bao")), anyString());

        // when amara declares a conflict
        complete(reviewTaskOf("amara"), withVariables(CONFLICT_OF_INTEREST, "declared",
                CONFLICT_DESCRIPTION, "I advised the lead city's transport department last year."));

        // then the secretariat is asked for a replacement, offered only reviewers not yet on the proposal
        verify(fixture.reviews).declareConflict(PROPOSAL, "amara", true, "I advised the lead city's transport department last year.");
        Task replacement = taskService().createTaskQuery().taskDefinitionKey(TASK_ASSIGN_REPLACEMENT_REVIEWER).singleResult();
        assertThat(replacement).hasCandidateGroup("secretariat");
        assertThat(variablesOf(replacement)).containsEntry(REPLACEMENT_OPTIONS, ProcessFixture.REVIEWER_OPTIONS.subList(2, 3))
                .containsEntry(ACTIVE_REVIEW_COUNT, 1);

        // when chen replaces amara
        complete(replacement, withVariables(REPLACEMENT_OUTCOME, "replace", REPLACEMENT_REVIEWER, "chen"));

        // then chen declares first, then scores; amara scores nothing
        verify(fixture.reviews).replace(eq(PROPOSAL), eq("amara"), eq("chen"), anyString());
        complete(reviewTaskOf("chen"), withVariables(CONFLICT_OF_INTEREST, "none"));
        complete(reviewTaskOf("bao"), withVariables(CONFLICT_OF_INTEREST, "none"));
        score("chen", 4);
        score("bao", 5);
        fixture.runAsyncJobs();
        verify(fixture.reviews).submit(PROPOSAL, "chen", new Scores(4, 4, 4, 4, 4), "Sound and relevant.", Recommendation.FUND);
        verify(fixture.reviews).submit(PROPOSAL, "bao", new Scores(5, 5, 5, 5, 5), "Sound and relevant.", Recommendation.FUND);
        verify(fixture.reviews, never()).submit(eq(PROPOSAL), eq("amara"), any(), any(), any());

        // and the committee decides with the aggregated scores
        assertThat(instance).hasPassed(TASK_AGGREGATE_SCORES).isWaitingAt(TASK_DECIDE_ON_PROPOSAL);
        assertThat(task()).hasCandidateGroup("committee");
        assertThat(variablesOf(task())).containsKey(REVIEW_SCORES);
    }

    @Test
    void shouldLookAgainForAReplacementOnceAnAdministratorAddedAReviewer() {
        // given every reviewer is on the proposal when amara declares a conflict
        ProcessInstance instance = startAndRunToReview(List.of("amara", "bao"));
        when(fixture.reviews.replacementOptions(PROPOSAL)).thenReturn(List.of());
        complete(reviewTaskOf("amara"), withVariables(CONFLICT_OF_INTEREST, "declared", CONFLICT_DESCRIPTION, "Former adviser."));
        Task nobodyFree = replacementTask();
        assertThat(variablesOf(nobodyFree)).containsEntry(REPLACEMENT_OPTIONS, List.of());

        // when an administrator adds dara to the reviewers and the secretariat looks again
        Map<String, Object> dara = Map.of("label", "Dara Sok (dara)", "value", "dara");
        when(fixture.reviews.replacementOptions(PROPOSAL)).thenReturn(List.of(dara));
        complete(nobodyFree, withVariables(REPLACEMENT_OUTCOME, "look_again"));

        // then the task comes back at once, offering dara, and nothing else happened
        Task again = replacementTask();
        assertThat(again.getId()).isNotEqualTo(nobodyFree.getId());
        assertThat(again).hasCandidateGroup("secretariat");
        assertThat(variablesOf(again)).containsEntry(REPLACEMENT_OPTIONS, List.of(dara)).containsEntry(REPLACEMENT_OUTCOME, null);
        verify(fixture.reviews, never()).replace(any(), any(), any(), any());
        verify(fixture.reviews, never()).continueWithoutReplacement(any(), any(), any());

        // and when dara replaces amara, dara declares first
        complete(again, withVariables(REPLACEMENT_OUTCOME, "replace", REPLACEMENT_REVIEWER, "dara"));
        verify(fixture.reviews).replace(eq(PROPOSAL), eq("amara"), eq("dara"), anyString());
        assertThat(reviewTaskOf("dara")).hasDefinitionKey(TASK_DECLARE_CONFLICT_OF_INTEREST);
        assertThat(instance).isWaitingAt(TASK_DECLARE_CONFLICT_OF_INTEREST);
    }

    @Test
    void shouldContinueWithTheOtherReviewsWithoutAReplacement() {
        // given amara declared a conflict while bao reviews
        ProcessInstance instance = startAndRunToReview(List.of("amara", "bao"));
        complete(reviewTaskOf("amara"), withVariables(CONFLICT_OF_INTEREST, "declared", CONFLICT_DESCRIPTION, "Former adviser."));

        // when the secretariat continues without a replacement
        complete(replacementTask(), withVariables(REPLACEMENT_OUTCOME, "continue"));

        // then amara's branch ends without a review, and the committee decides on bao's
        verify(fixture.reviews).continueWithoutReplacement(eq(PROPOSAL), eq("amara"), anyString());
        assertThat(instance).hasPassed(END_REVIEW_DROPPED);
        complete(reviewTaskOf("bao"), withVariables(CONFLICT_OF_INTEREST, "none"));
        score("bao", 4);
        fixture.runAsyncJobs();
        assertThat(instance).hasPassed(GATEWAY_ANY_REVIEW_SUBMITTED).isWaitingAt(TASK_DECIDE_ON_PROPOSAL);
        verify(fixture.reviews, never()).replace(any(), any(), any(), any());
    }

    @Test
    void shouldRefuseToContinueWithoutAReplacementWhenNoOtherReviewRemains() {
        // given amara declared a conflict and the service finds no other review under way or submitted
        ProcessInstance instance = startAndRunToReview(List.of("amara", "bao"));
        complete(reviewTaskOf("amara"), withVariables(CONFLICT_OF_INTEREST, "declared", CONFLICT_DESCRIPTION, "Former adviser."));
        doThrow(new IllegalArgumentException("No other review of this proposal is under way or submitted"))
                .when(fixture.reviews).continueWithoutReplacement(eq(PROPOSAL), eq("amara"), anyString());
        Task replacement = replacementTask();

        // when the secretariat tries to continue without a replacement
        // then the staff member is told why, and the task stays open
        assertThatThrownBy(() -> complete(replacement, withVariables(REPLACEMENT_OUTCOME, "continue")))
                .isInstanceOf(TaskInput.TaskInputException.class)
                .hasMessage("No other review of this proposal is under way or submitted");
        assertThat(taskService().createTaskQuery().taskId(replacement.getId()).count()).isOne();
        assertThat(instance).hasNotPassed(END_REVIEW_DROPPED);
    }

    @Test
    void shouldReturnToReviewerAssignmentWhenNoReviewWasSubmitted() {
        // given both reviewers declared a conflict and the secretariat continued without replacements
        ProcessInstance instance = startAndRunToReview(List.of("amara", "bao"));
        for (String reviewer : List.of("amara", "bao")) {
            complete(reviewTaskOf(reviewer), withVariables(CONFLICT_OF_INTEREST, "declared", CONFLICT_DESCRIPTION, "Former adviser."));
        }
        when(fixture.reviews.aggregate(PROPOSAL)).thenReturn(Optional.empty());

        // when the last replacement task is completed that way
        for (Task replacement : taskService().createTaskQuery().taskDefinitionKey(TASK_ASSIGN_REPLACEMENT_REVIEWER).list()) {
            complete(replacement, withVariables(REPLACEMENT_OUTCOME, "continue"));
        }
        fixture.runAsyncJobs();

        // then there is nothing to decide on: the proposal is back at reviewer assignment, without an incident
        assertThat(instance).hasPassed(TASK_AGGREGATE_SCORES, GATEWAY_ANY_REVIEW_SUBMITTED).isWaitingAt(TASK_ASSIGN_REVIEWERS);
        assertThat(instance).hasNotPassed(TASK_DECIDE_ON_PROPOSAL);
        assertThat(runtimeService().getVariable(instance.getId(), SUBMITTED_REVIEW_COUNT)).isEqualTo(0);
        assertThat(runtimeService().createIncidentQuery().count()).isZero();
        verify(fixture.proposals, times(2)).moveTo(PROPOSAL, ProposalStatus.AWAITING_REVIEWERS);
        assertThat(task()).hasCandidateGroup("secretariat");
    }

    @Test
    void shouldRemindThenTellThenEscalateAnOverdueReviewToTheSecretariat() {
        // given a reviewer who declared no conflict and now has 21 days to score
        ProcessInstance instance = startAndRunToReview(List.of("amara", "bao"));
        Instant scoringStarted = ClockUtil.getCurrentTime().toInstant();
        complete(reviewTaskOf("amara"), withVariables(CONFLICT_OF_INTEREST, "none"));
        assertThat(reviewTaskOf("amara")).hasDefinitionKey(TASK_SCORE_PROPOSAL).hasDueDate(Date.from(scoringStarted.plus(Duration.ofDays(21))));
        verify(fixture.reviews).recordDueDate(PROPOSAL, "amara", scoringStarted.plus(Duration.ofDays(21)));

        // when the reminder time comes (5 days before), then the deadline
        fixture.fireTimerAfter(BOUNDARY_REVIEW_REMINDER_DUE, Duration.ofDays(16).plusMinutes(1));
        fixture.fireTimerAfter(BOUNDARY_REVIEW_OVERDUE, Duration.ofDays(5));

        // then amara is reminded, then told the review is overdue, and can still score
        verify(fixture.notifications).send(PROPOSAL, Notice.REVIEW_REMINDER, "amara");
        verify(fixture.notifications).send(PROPOSAL, Notice.REVIEW_OVERDUE, "amara");
        verify(fixture.notifications, never()).send(PROPOSAL, Notice.REVIEW_ESCALATED, "amara");
        assertThat(reviewTaskOf("amara")).hasDefinitionKey(TASK_SCORE_PROPOSAL);

        // when a week after the deadline the review is still not done
        escalateAmarasReview();

        // then the task is taken from amara and the secretariat decides what happens to it
        verify(fixture.notifications).send(PROPOSAL, Notice.REVIEW_ESCALATED, "amara");
        assertThat(reviewTaskOf("amara")).isNull();
        Task handle = taskService().createTaskQuery().taskDefinitionKey(TASK_HANDLE_OVERDUE_REVIEW).singleResult();
        assertThat(handle).hasCandidateGroup("secretariat");
        assertThat(variablesOf(handle)).containsEntry(REPLACEMENT_OPTIONS, ProcessFixture.REVIEWER_OPTIONS.subList(2, 3))
                .containsEntry(REVIEW_DUE_DATE, DisplayDates.dateTime(scoringStarted.plus(Duration.ofDays(21))))
                .containsEntry(REVIEWER, "amara");
        assertThat(instance).isWaitingAt(TASK_HANDLE_OVERDUE_REVIEW);
    }

    @Test
    void shouldGiveTheReviewerOfAnOverdueReviewMoreTime() {
        // given amara's review escalated to the secretariat while bao's is done
        ProcessInstance instance = amarasReviewEscalatedWhileBaosIsDone();

        // when the secretariat gives amara 10 more days
        Instant decided = ClockUtil.getCurrentTime().toInstant();
        complete(taskService().createTaskQuery().taskDefinitionKey(TASK_HANDLE_OVERDUE_REVIEW).singleResult(),
                withVariables(OVERDUE_REVIEW_ACTION, "extend", EXTENSION_DAYS, 10));
        fixture.runAsyncJobs();

        // then amara is told and has the review back, due in 10 days, with its reminder and escalation again
        Instant newDue = decided.plus(Duration.ofDays(10));
        verify(fixture.reviews).extend(eq(PROPOSAL), eq("amara"), eq(newDue), anyString());
        verify(fixture.notifications).send(PROPOSAL, Notice.REVIEW_EXTENDED, "amara");
        assertThat(reviewTaskOf("amara")).hasDefinitionKey(TASK_SCORE_PROPOSAL).hasDueDate(Date.from(newDue));
        fixture.fireTimerAt(BOUNDARY_REVIEW_REMINDER_DUE, decided.plus(Duration.ofDays(5)).plusSeconds(1));
        assertThat(managementService().createJobQuery().timers().activityId(BOUNDARY_REVIEW_ESCALATION_DUE).singleResult().getDuedate())
                .isEqualTo(Date.from(newDue.plus(Duration.ofDays(7))));

        // and when amara scores, the committee decides with both reviews
        score("amara", 3);
        fixture.runAsyncJobs();
        verify(fixture.reviews).submit(PROPOSAL, "amara", new Scores(3, 3, 3, 3, 3), "Sound and relevant.", Recommendation.FUND);
        assertThat(instance).isWaitingAt(TASK_DECIDE_ON_PROPOSAL);
    }

    @Test
    void shouldReassignAnOverdueReviewWithoutRestartingAnything() {
        // given amara's review escalated to the secretariat while bao's is done
        ProcessInstance instance = amarasReviewEscalatedWhileBaosIsDone();

        // when the secretariat gives the review to chen
        complete(taskService().createTaskQuery().taskDefinitionKey(TASK_HANDLE_OVERDUE_REVIEW).singleResult(),
                withVariables(OVERDUE_REVIEW_ACTION, "reassign", NEW_REVIEWER, "chen"));
        fixture.runAsyncJobs();

        // then amara is told she is relieved, chen declares first with a fresh review period, then scores
        verify(fixture.reviews).reassign(eq(PROPOSAL), eq("amara"), eq("chen"), anyString());
        verify(fixture.notifications).send(PROPOSAL, Notice.REVIEW_WITHDRAWN, "amara");
        assertThat(reviewTaskOf("amara")).isNull();
        assertThat(reviewTaskOf("chen")).hasDefinitionKey(TASK_DECLARE_CONFLICT_OF_INTEREST);
        Instant chenStarts = ClockUtil.getCurrentTime().toInstant();
        complete(reviewTaskOf("chen"), withVariables(CONFLICT_OF_INTEREST, "none"));
        assertThat(reviewTaskOf("chen")).hasDefinitionKey(TASK_SCORE_PROPOSAL).hasDueDate(Date.from(chenStarts.plus(Duration.ofDays(21))));
        score("chen", 4);
        fixture.runAsyncJobs();

        // and the same instance goes on to the committee with bao's and chen's reviews
        verify(fixture.reviews).submit(PROPOSAL, "chen", new Scores(4, 4, 4, 4, 4), "Sound and relevant.", Recommendation.FUND);
        verify(fixture.reviews, never()).submit(eq(PROPOSAL), eq("amara"), any(), any(), any());
        assertThat(instance).isWaitingAt(TASK_DECIDE_ON_PROPOSAL);
    }

    @Test
    void shouldRefuseAnOverdueReviewDecisionWithoutValidDaysOrReviewer() {
        // given amara's review escalated to the secretariat
        startAndRunToReview(List.of("amara", "bao"));
        complete(reviewTaskOf("amara"), withVariables(CONFLICT_OF_INTEREST, "none"));
        fixture.fireTimerAfter(BOUNDARY_REVIEW_OVERDUE, Duration.ofDays(21).plusMinutes(1));
        escalateAmarasReview();
        Task handle = taskService().createTaskQuery().taskDefinitionKey(TASK_HANDLE_OVERDUE_REVIEW).singleResult();
        doThrow(new IllegalArgumentException("bao is already a reviewer of this proposal"))
                .when(fixture.reviews).reassign(eq(PROPOSAL), eq("amara"), eq("bao"), anyString());

        // when it asks for 0 extra days, or reassigns to a reviewer already on the proposal
        assertThatThrownBy(() -> complete(handle, withVariables(OVERDUE_REVIEW_ACTION, "extend", EXTENSION_DAYS, 0)))
                .hasMessageContaining("extensionDays must be from 1 to 90");
        assertThatThrownBy(() -> complete(handle, withVariables(OVERDUE_REVIEW_ACTION, "reassign", NEW_REVIEWER, "bao")))
                .hasMessageContaining("bao is already a reviewer of this proposal");

        // then nothing moved: the task is still open and nobody was told anything
        assertThat(taskService().createTaskQuery().taskId(handle.getId()).singleResult()).isNotNull();
        verify(fixture.reviews, never()).extend(any(), any(), any(), any());
        verify(fixture.notifications, never()).send(PROPOSAL, Notice.REVIEW_EXTENDED, "amara");
        verify(fixture.notifications, never()).send(PROPOSAL, Notice.REVIEW_WITHDRAWN, "amara");
    }

    @Test
    void shouldRejectAProposal() {
        // given a proposal at the committee
        ProcessInstance instance = startAndRunToDecision();

        // when the committee rejects it
        complete(task(), withVariables(DECISION, "reject", DECISION_FEEDBACK, "The budget is not realistic."));
        fixture.runAsyncJobs();

        // then it ends rejected and the applicant receives the decision
        assertThat(instance).hasPassed(END_PROPOSAL_REJECTED).isEnded();
        verify(fixture.decisions).record(eq(PROPOSAL), eq(Decision.REJECT), eq(null), eq("The budget is not realistic."), anyString());
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.REJECTED);
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_REJECTED, null);
    }

    @Test
    void shouldApproveARevisedProposalAfterItWasReturnedForRevision() {
        // given a proposal at the committee
        ProcessInstance instance = startAndRunToDecision();

        // when the committee returns it for revision
        complete(task(), withVariables(DECISION, "return_for_revision", DECISION_FEEDBACK, "Add a gender-disaggregated indicator."));
        fixture.runAsyncJobs();

        // then the applicant is asked to revise
        assertThat(instance).isWaitingAt(TASK_AWAIT_REVISION);
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.REVISION_REQUESTED);
        verify(fixture.notifications).send(PROPOSAL, Notice.REVISION_REQUESTED, null);

        // when the revision arrives, it is screened and reviewed again
        runtimeService().createMessageCorrelation(ProposalProcess.Messages.REVISION_SUBMITTED).processInstanceBusinessKey(REFERENCE).correlate();
        assertThat(instance).isWaitingAt(TASK_SCREEN_PROPOSAL);
        complete(task(), withVariables(SCREENING_OUTCOME, "complete"));
        complete(task(), withVariables(REVIEWERS, List.of("amara", "bao")));
        reviewBoth(4);

        // and when the committee approves with conditions
        complete(task(), withVariables(DECISION, "approve_with_conditions", DECISION_CONDITIONS, "Report on the indicator yearly.",
                DECISION_FEEDBACK, "Approved."));
        fixture.runAsyncJobs();

        // then the follow-up starts for the approved partnership
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_FOLLOW_UP);
        assertThat(calledProcessInstance(ProposalProcess.FOLLOW_UP_PROCESS_KEY)).isWaitingAt(TASK_AWAIT_SIGNED_AGREEMENT);
        verify(fixture.decisions).record(eq(PROPOSAL), eq(Decision.APPROVE_WITH_CONDITIONS), eq("Report on the indicator yearly."),
                eq("Approved."), anyString());
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.APPROVED);
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_APPROVED, null);
        verify(fixture.notifications).send(PROPOSAL, Notice.AGREEMENT_DUE, null);
    }

    @Test
    void shouldWithdrawARevisionThatDoesNotArriveInTime() {
        // given a proposal returned for revision
        ProcessInstance instance = startAndRunToDecision();
        ClockUtil.setCurrentTime(ClockUtil.getCurrentTime());
        complete(task(), withVariables(DECISION, "return_for_revision", DECISION_FEEDBACK, "Clarify the partner roles."));
        fixture.runAsyncJobs();

        // then its deadline is stored, and it is the one the process's timer waits for
        Instant due = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30));
        verify(fixture.decisions).recordRevisionDue(PROPOSAL, due);
        assertThat(timerDue("BoundaryEvent_RevisionDeadlinePassed")).isEqualTo(due);

        // when the revision deadline (30 days) passes
        fixture.fireTimerAfter("BoundaryEvent_RevisionDeadlinePassed", Duration.ofDays(30).plusMinutes(1));

        // then the proposal is withdrawn
        assertThat(instance).hasPassed(END_PROPOSAL_WITHDRAWN).isEnded();
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.WITHDRAWN);
    }

    @Test
    void shouldEndAsCancelledWhenTheFollowUpEndsWithoutSignedAgreement() {
        // given an approved proposal whose follow-up waits for the signed agreement
        ProcessInstance instance = startAndRunToDecision();
        complete(task(), withVariables(DECISION, "approve", DECISION_FEEDBACK, "Approved."));
        fixture.runAsyncJobs();

        // when the agreement deadline (60 days) passes and the secretariat cancels the partnership
        fixture.fireTimerAfter(BOUNDARY_AGREEMENT_DEADLINE_PASSED, Duration.ofDays(60).plusMinutes(1));
        complete(taskService().createTaskQuery().taskDefinitionKey(TASK_HANDLE_OVERDUE_AGREEMENT).singleResult(),
                withVariables(OVERDUE_AGREEMENT_ACTION, "cancel", CANCELLATION_REASON, "No agreement after two months."));
        fixture.runAsyncJobs();

        // then the partnership is cancelled and the proposal process ends accordingly
        assertThat(instance).hasPassed(CALL_ACTIVITY_FOLLOW_UP, END_PARTNERSHIP_CANCELLED).isEnded();
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.CANCELLED);
        verify(fixture.notifications).send(PROPOSAL, Notice.PARTNERSHIP_CANCELLED, null);
        verify(fixture.fundingMessages).fundsFreed(any());
    }

    @Test
    void shouldWaitForTheCallsFundingDecisionThenApprove() {
        // given a reviewed proposal of a competitive call
        ProcessInstance instance = startCompetitiveAndRunToFundingDecision();

        // when the call's committee funds it with conditions
        fundingDecided("approve_with_conditions", "Report on the indicator yearly.", "Funded within the call's budget.");
        fixture.runAsyncJobs();

        // then it goes on as an approved partnership; the call recorded the decision, not the proposal
        assertThat(instance).hasPassed(TASK_AWAIT_FUNDING_DECISION).isWaitingAt(CALL_ACTIVITY_FOLLOW_UP);
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.APPROVED);
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_APPROVED, null);
        verify(fixture.decisions, never()).record(any(), any(), any(), any(), any());
        assertThat(instance).hasNotPassed(TASK_DECIDE_ON_PROPOSAL);
    }

    @Test
    void shouldEndRejectedWhenTheCallDoesNotFundIt() {
        // given a reviewed proposal of a competitive call
        ProcessInstance instance = startCompetitiveAndRunToFundingDecision();

        // when the call rejects it
        fundingDecided("reject", null, "Ranked below the funded proposals.");
        fixture.runAsyncJobs();

        // then it ends rejected and the applicant is told
        assertThat(instance).hasPassed(END_PROPOSAL_REJECTED).isEnded();
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.REJECTED);
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_REJECTED, null);
    }

    @Test
    void shouldWaitOnTheReserveListUntilFundedFromFreedMoney() {
        // given a reviewed proposal of a competitive call
        ProcessInstance instance = startCompetitiveAndRunToFundingDecision();

        // when the call puts it on the reserve list
        fundingDecided("reserve", null, "Good, but the budget ran out.");
        fixture.runAsyncJobs();

        // then the applicant is told and it waits on the list
        assertThat(instance).isWaitingAt(TASK_AWAIT_RESERVE_DECISION);
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.ON_RESERVE_LIST);
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_ON_RESERVE_LIST, null);

        // when money is freed and the committee funds it
        fundingDecided("approve", null, "Funded from freed money.");
        fixture.runAsyncJobs();

        // then it goes on as an approved partnership
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_FOLLOW_UP);
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.APPROVED);
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_APPROVED, null);
    }

    @Test
    void shouldBeRejectedWhenTheReserveListCloses() {
        // given a proposal on the reserve list
        ProcessInstance instance = startCompetitiveAndRunToFundingDecision();
        fundingDecided("reserve", null, "Good, but the budget ran out.");
        fixture.runAsyncJobs();

        // when the list closes (the call rejects what is left on it)
        fundingDecided("reject", null, "The reserve list of the call has closed");
        fixture.runAsyncJobs();

        // then it ends rejected
        assertThat(instance).hasPassed(TASK_AWAIT_RESERVE_DECISION, END_PROPOSAL_REJECTED).isEnded();
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_REJECTED, null);
    }

    @Test
    void shouldRefuseARollingApprovalBeyondWhatIsLeftOfTheCallsBudget() {
        // given a proposal requesting 90 000 at the committee of a rolling call with 50 000 left
        when(fixture.budgets.remainingOf(1L)).thenReturn(new BigDecimal("50000"));
        ProcessInstance instance = startAndRunToDecision();
        Task decision = task();
        assertThat(taskService().getVariableLocal(decision.getId(), "callBudgetRemaining")).isEqualTo(50000.0);

        // when the committee approves it, then the completion is refused and the task stays open
        assertThatThrownBy(() -> taskService().complete(decision.getId(), withVariables(DECISION, "approve", DECISION_FEEDBACK, "Approved.")))
                .isInstanceOf(TaskInput.TaskInputException.class)
                .hasMessage("The proposal requests 90000 EUR, more than the 50000 EUR left of the call's budget");
        assertThat(instance).isWaitingAt(TASK_DECIDE_ON_PROPOSAL);
        verify(fixture.decisions, never()).record(any(), any(), any(), any(), any());

        // when it rejects it instead, then that is recorded
        complete(decision, withVariables(DECISION, "reject", DECISION_FEEDBACK, "No money left in the call."));
        verify(fixture.decisions).record(eq(PROPOSAL), eq(Decision.REJECT), eq(null), eq("No money left in the call."), anyString());
    }

    @Test
    void shouldApproveARollingProposalThatFitsTheCallsBudget() {
        // given a proposal requesting 90 000 with exactly 90 000 left
        when(fixture.budgets.remainingOf(1L)).thenReturn(new BigDecimal("90000"));
        ProcessInstance instance = startAndRunToDecision();

        // when the committee approves it
        complete(task(), withVariables(DECISION, "approve", DECISION_FEEDBACK, "Approved."));
        fixture.runAsyncJobs();

        // then it is approved
        assertThat(instance).isWaitingAt(CALL_ACTIVITY_FOLLOW_UP);
        verify(fixture.decisions).record(eq(PROPOSAL), eq(Decision.APPROVE), eq(null), eq("Approved."), anyString());
    }

    // --- steps -------------------------------------------------------------------------------

    private ProcessInstance start(VariableMap variables) {
        return runtimeService().startProcessInstanceByKey(ProposalProcess.PROCESS_KEY, REFERENCE, variables);
    }

    private ProcessInstance startCompetitiveAndRunToFundingDecision() {
        ProcessInstance instance = start(eligibleProposal().putValue(CALL_REFERENCE, CALL_REF).putValue(CALL_MODE, "COMPETITIVE"));
        fixture.runAsyncJobs();
        assertThat(instance).isWaitingAt(TASK_SCREEN_PROPOSAL);
        complete(task(), withVariables(SCREENING_OUTCOME, "complete"));
        complete(task(), withVariables(REVIEWERS, List.of("amara", "bao")));
        reviewBoth(4);
        assertThat(instance).hasPassed(TASK_TELL_CALL_REVIEW_ENDED).isWaitingAt(TASK_AWAIT_FUNDING_DECISION);
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.AWAITING_FUNDING_DECISION);
        verify(fixture.fundingMessages).proposalSettled(any());
        verify(fixture.proposals, never()).moveTo(PROPOSAL, ProposalStatus.IN_DECISION);
        return instance;
    }

    private static void fundingDecided(String decision, String conditions, String feedback) {
        runtimeService().createMessageCorrelation(ProposalProcess.Messages.FUNDING_DECIDED).processInstanceBusinessKey(REFERENCE)
                .setVariable(DECISION, decision).setVariable(DECISION_CONDITIONS, conditions).setVariable(DECISION_FEEDBACK, feedback)
                .correlate();
    }

    private ProcessInstance startAndRunToScreening() {
        ProcessInstance instance = start(eligibleProposal());
        assertThat(instance).isWaitingAt("Task_AcknowledgeReceipt");
        fixture.runAsyncJobs();
        assertThat(instance).isWaitingAt(TASK_SCREEN_PROPOSAL);
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.IN_SCREENING);
        return instance;
    }

    private ProcessInstance startAndRunToReview(List<String> reviewers) {
        ProcessInstance instance = startAndRunToScreening();
        complete(task(), withVariables(SCREENING_OUTCOME, "complete"));
        assertThat(instance).isWaitingAt(TASK_ASSIGN_REVIEWERS);
        assertThat(task()).hasCandidateGroup("secretariat");
        assertThat(variablesOf(task())).containsEntry(REVIEWER_OPTIONS, ProcessFixture.REVIEWER_OPTIONS).containsEntry(MIN_REVIEWERS, 2);
        complete(task(), withVariables(REVIEWERS, reviewers));
        // once per reviewer branch; the service ignores a move to the current status
        verify(fixture.proposals, atLeastOnce()).moveTo(PROPOSAL, ProposalStatus.IN_REVIEW);
        return instance;
    }

    private ProcessInstance startAndRunToDecision() {
        ProcessInstance instance = startAndRunToReview(List.of("amara", "bao"));
        reviewBoth(4);
        assertThat(instance).isWaitingAt(TASK_DECIDE_ON_PROPOSAL);
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.IN_DECISION);
        return instance;
    }

    private ProcessInstance amarasReviewEscalatedWhileBaosIsDone() {
        ProcessInstance instance = startAndRunToReview(List.of("amara", "bao"));
        complete(reviewTaskOf("amara"), withVariables(CONFLICT_OF_INTEREST, "none"));
        complete(reviewTaskOf("bao"), withVariables(CONFLICT_OF_INTEREST, "none"));
        score("bao", 5);
        fixture.fireTimerAfter(BOUNDARY_REVIEW_OVERDUE, Duration.ofDays(21).plusMinutes(1));
        escalateAmarasReview();
        return instance;
    }

    /** Fires amara's escalation a week after her review's deadline (the clock must be past the deadline). */
    private void escalateAmarasReview() {
        fixture.fireTimerAfter(BOUNDARY_REVIEW_ESCALATION_DUE, Duration.ofDays(7));
    }

    private void reviewBoth(int score) {
        complete(reviewTaskOf("amara"), withVariables(CONFLICT_OF_INTEREST, "none"));
        complete(reviewTaskOf("bao"), withVariables(CONFLICT_OF_INTEREST, "none"));
        score("amara", score);
        score("bao", score);
        fixture.runAsyncJobs();
    }

    private void score(String reviewer, int score) {
        complete(reviewTaskOf(reviewer), withVariables(SCORE_RELEVANCE, score, SCORE_SDG_CONTRIBUTION, score, SCORE_FEASIBILITY, score,
                SCORE_PARTNERSHIP_QUALITY, score, SCORE_SUSTAINABILITY, score, REVIEW_COMMENT, "Sound and relevant.",
                RECOMMENDATION, "fund"));
    }

    private static Map<String, Object> variablesOf(Task task) {
        return taskService().getVariables(task.getId());
    }

    private static Task replacementTask() {
        return taskService().createTaskQuery().taskDefinitionKey(TASK_ASSIGN_REPLACEMENT_REVIEWER).singleResult();
    }

    private static Task reviewTaskOf(String reviewer) {
        return taskService().createTaskQuery().taskAssignee(reviewer).singleResult();
    }

    /** The variables the portal starts the process with; the eligibility facts come from ProcessFixture.ELIGIBLE unless a test says otherwise. */
    static VariableMap eligibleProposal() {
        return Variables.createVariables()
                .putValue(PROPOSAL_ID, PROPOSAL)
                .putValueTyped(ProposalProcess.Vars.PROPOSAL, Variables.objectValue(Map.of("reference", REFERENCE,
                        "title", "Bus rapid transit exchange Surabaya–Kitakyushu")).serializationDataFormat("application/json").create());
    }

    private static Instant timerDue(String activityId) {
        return managementService().createJobQuery().timers().activityId(activityId).singleResult().getDuedate().toInstant();
    }
}
