package org.twinflow.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.twinflow.ProcessFixture;
import org.twinflow.notification.Notice;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.DisplayDates;

/**
 * The follow-up of an approved partnership ({@code partnership-follow-up}, called from
 * {@code partnership-proposal}): signed agreement, progress reports on the reporting cycle, final
 * report and closure. The instance starts at the approval notice; timers fire by moving the clock.
 */
@Deployment(resources = {"processes/partnership-proposal.bpmn", "processes/partnership-follow-up.bpmn", "processes/proposal-eligibility.dmn"})
class PartnershipFollowUpProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    static final long PROPOSAL = 7L;
    static final String REFERENCE = "TW-2026-0007";
    // An 18-month project from 1 March 2027, reporting every 6 months, reports due 30 days after each period.
    static final LocalDate START = LocalDate.of(2027, 3, 1);
    static final LocalDate END = LocalDate.of(2028, 9, 1);
    static final Report FIRST = FollowUpTestBeans.plannedReport(11, ReportKind.PROGRESS, 1, START, LocalDate.of(2027, 9, 1), LocalDate.of(2027, 10, 1));
    static final Report SECOND = FollowUpTestBeans.plannedReport(12, ReportKind.PROGRESS, 2, LocalDate.of(2027, 9, 1), LocalDate.of(2028, 3, 1), LocalDate.of(2028, 3, 31));
    static final Report FINAL = FollowUpTestBeans.plannedReport(13, ReportKind.FINAL, 1, START, END, LocalDate.of(2028, 10, 1));

    ProcessEngine processEngine;
    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        init(processEngine);
        fixture = new ProcessFixture(processEngine);
        ClockUtil.setCurrentTime(at(LocalDate.of(2027, 1, 15)));
        when(fixture.followUp.planReporting(PROPOSAL)).thenReturn(List.of(11L, 12L, 13L));
        when(fixture.followUp.report(11L)).thenReturn(FIRST);
        when(fixture.followUp.report(12L)).thenReturn(SECOND);
        when(fixture.followUp.report(13L)).thenReturn(FINAL);
    }

    @AfterEach
    void tearDown() {
        fixture.reset();
    }

    @Test
    void shouldCloseAfterAgreementTwoProgressReportsAndTheFinalReport() {
        // given an approved proposal
        ProcessInstance proposal = startAtApproval();
        ProcessInstance followUp = calledProcessInstance(proposal, ProposalProcess.FOLLOW_UP_PROCESS_KEY);
        assertThat(followUp).isWaitingAt(TASK_AWAIT_SIGNED_AGREEMENT);
        assertThat(followUp.getBusinessKey()).isEqualTo(REFERENCE);

        // when the applicant uploads an agreement the secretariat rejects, then a corrected one it verifies
        uploadAgreement();
        assertThat(task(followUp)).hasDefinitionKey(TASK_VERIFY_AGREEMENT).hasCandidateGroup("secretariat");
        complete(task(followUp), withVariables(AGREEMENT_VERIFICATION, "rejected", AGREEMENT_NOTE, "Partner signature missing."));
        fixture.runAsyncJobs();
        assertThat(followUp).isWaitingAt(TASK_AWAIT_SIGNED_AGREEMENT);
        verify(fixture.notifications).send(PROPOSAL, Notice.AGREEMENT_REJECTED, null);
        uploadAgreement();
        complete(task(followUp), withVariables(AGREEMENT_VERIFICATION, "verified"));

        // then reporting is planned and waits for the end of the first period
        verify(fixture.followUp).recordAgreementVerification(eq(PROPOSAL), eq(false), eq("Partner signature missing."), anyString());
        verify(fixture.followUp).recordAgreementVerification(eq(PROPOSAL), eq(true), eq(null), anyString());
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.IN_IMPLEMENTATION);
        assertThat(followUp).isWaitingAt(EVENT_REPORTING_PERIOD_ENDED);

        // when the first period ends, the report is requested; it comes late, after a reminder
        fixture.fireTimerAt(EVENT_REPORTING_PERIOD_ENDED, instant(FIRST.getPeriodEnd()).plusSeconds(60));
        verify(fixture.notifications).send(PROPOSAL, Notice.REPORT_DUE, null);
        assertThat(followUp).isWaitingAt(TASK_AWAIT_PROGRESS_REPORT);
        fixture.fireTimerAt(BOUNDARY_PROGRESS_REPORT_OVERDUE, instant(FIRST.getDueDate()).plusSeconds(60));
        verify(fixture.notifications).send(PROPOSAL, Notice.REPORT_OVERDUE, null);
        submitReport();
        assertThat(task(followUp)).hasDefinitionKey(TASK_REVIEW_PROGRESS_REPORT).hasCandidateGroup("secretariat");
        complete(task(followUp), withVariables(REPORT_REVIEW, "accept"));
        verify(fixture.followUp).reviewReport(eq(11L), eq(true), eq(null), anyString());

        // when the second period ends, the report comes on time, is sent back once, then accepted
        fixture.fireTimerAt(EVENT_REPORTING_PERIOD_ENDED, instant(SECOND.getPeriodEnd()).plusSeconds(60));
        submitReport();
        complete(task(followUp), withVariables(REPORT_REVIEW, "request_changes", REPORT_FEEDBACK, "Add the participants by gender."));
        fixture.runAsyncJobs();
        verify(fixture.notifications).send(PROPOSAL, Notice.REPORT_CHANGES_REQUESTED, null);
        assertThat(followUp).isWaitingAt(TASK_AWAIT_PROGRESS_REPORT);
        submitReport();
        complete(task(followUp), withVariables(REPORT_REVIEW, "accept"));
        verify(fixture.followUp).reviewReport(eq(12L), eq(false), eq("Add the participants by gender."), anyString());
        verify(fixture.followUp).reviewReport(eq(12L), eq(true), eq(null), anyString());
        verify(fixture.notifications, times(1)).send(PROPOSAL, Notice.REPORT_OVERDUE, null);

        // when the project ends, the final report is requested, submitted and evaluated
        assertThat(followUp).hasPassed(SUBPROCESS_PROGRESS_REPORTING).isWaitingAt(EVENT_PROJECT_ENDED);
        fixture.fireTimerAt(EVENT_PROJECT_ENDED, instant(END).plusSeconds(60));
        verify(fixture.notifications).send(PROPOSAL, Notice.FINAL_REPORT_DUE, null);
        submitReport();
        assertThat(task(followUp)).hasDefinitionKey(TASK_EVALUATE_FINAL_REPORT).hasCandidateGroup("secretariat");
        complete(task(followUp), withVariables(FINAL_REPORT_REVIEW, "accept", EVALUATION_RATING, 4,
                EVALUATION_SUMMARY, "Objectives met; the toolkit is used by both cities."));
        fixture.runAsyncJobs();

        // then the partnership is closed, in both processes
        verify(fixture.followUp).evaluateFinalReport(eq(13L), eq(true), eq(4), eq("Objectives met; the toolkit is used by both cities."), anyString());
        assertThat(followUp).hasPassed(END_FOLLOW_UP_CLOSED).isEnded();
        assertThat(proposal).hasPassed(END_PARTNERSHIP_CLOSED).isEnded();
        var statuses = inOrder(fixture.proposals);
        statuses.verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.AGREEMENT_PENDING);
        statuses.verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.AGREEMENT_IN_VERIFICATION);
        statuses.verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.IN_IMPLEMENTATION);
        statuses.verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.FINAL_REPORTING);
        statuses.verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.CLOSED);
        verify(fixture.notifications).send(PROPOSAL, Notice.PARTNERSHIP_CLOSED, null);
    }

    @Test
    void shouldRemindThenLetTheSecretariatCancelWhenTheAgreementIsNotUploadedInTime() {
        // given an approved proposal waiting for the signed agreement, due in 60 days
        Instant requested = ClockUtil.getCurrentTime().toInstant();
        ProcessInstance proposal = startAtApproval();
        ProcessInstance followUp = calledProcessInstance(proposal, ProposalProcess.FOLLOW_UP_PROCESS_KEY);
        verify(fixture.followUp).recordAgreementDue(PROPOSAL, requested.plus(Duration.ofDays(60)));

        // when the reminder time comes (14 days before), then the deadline
        fixture.fireTimerAt(BOUNDARY_AGREEMENT_REMINDER_DUE, requested.plus(Duration.ofDays(46)).plusSeconds(1));
        verify(fixture.notifications).send(PROPOSAL, Notice.AGREEMENT_REMINDER, null);
        fixture.fireTimerAt(BOUNDARY_AGREEMENT_DEADLINE_PASSED, requested.plus(Duration.ofDays(60)).plusSeconds(1));

        // then the secretariat is told and decides; nothing is cancelled yet
        verify(fixture.notifications).send(PROPOSAL, Notice.AGREEMENT_OVERDUE, null);
        assertThat(task(followUp)).hasDefinitionKey(TASK_HANDLE_OVERDUE_AGREEMENT).hasCandidateGroup("secretariat");
        verify(fixture.proposals, never()).moveTo(PROPOSAL, ProposalStatus.CANCELLED);

        // when it cancels the partnership with a reason
        complete(task(followUp), withVariables(OVERDUE_AGREEMENT_ACTION, "cancel", CANCELLATION_REASON, "No reply to three reminders."));
        fixture.runAsyncJobs();

        // then the partnership is cancelled, no reporting is planned, and the proposal process ends cancelled
        verify(fixture.followUp).recordCancellationForMissingAgreement(eq(PROPOSAL), eq("No reply to three reminders."), anyString());
        assertThat(followUp).hasPassed(END_AGREEMENT_NOT_SIGNED).isEnded();
        assertThat(proposal).hasPassed(END_PARTNERSHIP_CANCELLED).isEnded();
        verify(fixture.proposals).moveTo(PROPOSAL, ProposalStatus.CANCELLED);
        verify(fixture.notifications).send(PROPOSAL, Notice.PARTNERSHIP_CANCELLED, null);
        verify(fixture.followUp, never()).planReporting(PROPOSAL);
    }

    @Test
    void shouldGiveTheApplicantMoreTimeForAnOverdueAgreement() {
        // given the agreement deadline has passed
        Instant requested = ClockUtil.getCurrentTime().toInstant();
        ProcessInstance followUp = calledProcessInstance(startAtApproval(), ProposalProcess.FOLLOW_UP_PROCESS_KEY);
        fixture.fireTimerAt(BOUNDARY_AGREEMENT_DEADLINE_PASSED, requested.plus(Duration.ofDays(60)).plusSeconds(1));
        assertThat(variablesOf(task(followUp))).containsEntry(AGREEMENT_DUE_DATE, DisplayDates.dateTime(requested.plus(Duration.ofDays(60))));

        // when the secretariat gives 14 more days
        Instant decided = ClockUtil.getCurrentTime().toInstant();
        complete(task(followUp), withVariables(OVERDUE_AGREEMENT_ACTION, "extend", EXTENSION_DAYS, 14));
        fixture.runAsyncJobs();

        // then the applicant is told, and the process waits again with the new deadline (reminder halfway, as 14 days is short)
        Instant newDue = decided.plus(Duration.ofDays(14));
        verify(fixture.followUp).extendAgreementDeadline(eq(PROPOSAL), eq(newDue), anyString());
        verify(fixture.notifications).send(PROPOSAL, Notice.AGREEMENT_EXTENDED, null);
        assertThat(followUp).isWaitingAt(TASK_AWAIT_SIGNED_AGREEMENT);
        fixture.fireTimerAt(BOUNDARY_AGREEMENT_REMINDER_DUE, decided.plus(Duration.ofDays(7)).plusSeconds(1));
        assertThat(timerDue(BOUNDARY_AGREEMENT_DEADLINE_PASSED)).isEqualTo(Date.from(newDue));

        // and an agreement that arrives now is verified as usual
        uploadAgreement();
        assertThat(task(followUp)).hasDefinitionKey(TASK_VERIFY_AGREEMENT);
        verify(fixture.proposals, never()).moveTo(PROPOSAL, ProposalStatus.CANCELLED);
    }

    @Test
    void shouldEscalateAnOverdueReportAndEndTheFollowUpTaskWhenTheReportIsAccepted() {
        // given the first progress report is overdue and the applicant was reminded
        ProcessInstance followUp = calledProcessInstance(startAtApproval(), ProposalProcess.FOLLOW_UP_PROCESS_KEY);
        uploadAgreement();
        complete(task(followUp), withVariables(AGREEMENT_VERIFICATION, "verified"));
        fixture.fireTimerAt(EVENT_REPORTING_PERIOD_ENDED, instant(FIRST.getPeriodEnd()).plusSeconds(60));
        fixture.fireTimerAt(BOUNDARY_PROGRESS_REPORT_OVERDUE, instant(FIRST.getDueDate()).plusSeconds(60));

        // when two more weeks pass without the report
        fixture.fireTimerAt(BOUNDARY_PROGRESS_REPORT_ESCALATION_DUE, instant(FIRST.getDueDate()).plus(Duration.ofDays(14)).plusSeconds(60));

        // then the secretariat is told and gets a task to follow up with the city; a note is required
        verify(fixture.notifications).send(PROPOSAL, Notice.REPORT_ESCALATED, null);
        var followUpTask = task(followUp);
        assertThat(followUpTask).hasDefinitionKey(TASK_FOLLOW_UP_OVERDUE_PROGRESS_REPORT).hasCandidateGroup("secretariat");
        assertThatThrownBy(() -> complete(followUpTask, withVariables(OVERDUE_REPORT_NOTE, " ")))
                .hasMessageContaining("overdueReportNote is required");

        // when the report arrives and is accepted before anybody completed that task
        submitReport();
        var review = org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().createTaskQuery()
                .processInstanceId(followUp.getId()).taskDefinitionKey(TASK_REVIEW_PROGRESS_REPORT).singleResult();
        complete(review, withVariables(REPORT_REVIEW, "accept"));

        // then the follow-up task is gone with the period, and the next period has begun
        assertThat(followUp).isWaitingAt(EVENT_REPORTING_PERIOD_ENDED);
        assertThat(task(followUp)).isNull();
        verify(fixture.followUp, never()).recordOverdueReportFollowUp(any(), any(), any());
    }

    @Test
    void shouldRecordWhatTheSecretariatAgreedAboutAnOverdueFinalReport() {
        // given the final report is long overdue
        ProcessInstance followUp = runToFinalReport();
        fixture.fireTimerAt(BOUNDARY_FINAL_REPORT_OVERDUE, instant(FINAL.getDueDate()).plusSeconds(60));
        fixture.fireTimerAt(BOUNDARY_FINAL_REPORT_ESCALATION_DUE, instant(FINAL.getDueDate()).plus(Duration.ofDays(14)).plusSeconds(60));

        // when the secretariat records what it agreed with the city
        assertThat(task(followUp)).hasDefinitionKey(TASK_FOLLOW_UP_OVERDUE_FINAL_REPORT);
        complete(task(followUp), withVariables(OVERDUE_REPORT_NOTE, "Called the mayor's office: report by 15 November."));

        // then it is recorded and the process still waits for the report
        verify(fixture.followUp).recordOverdueReportFollowUp(eq(PROPOSAL), eq("Called the mayor's office: report by 15 November."), anyString());
        assertThat(followUp).isWaitingAt(TASK_AWAIT_FINAL_REPORT);
    }

    private ProcessInstance startAtApproval() {
        ProcessInstance instance = runtimeService().createProcessInstanceByKey(ProposalProcess.PROCESS_KEY)
                .businessKey(REFERENCE)
                .startBeforeActivity("Task_NotifyApproval")
                .setVariable(PROPOSAL_ID, PROPOSAL)
                .setVariable(ProposalProcess.Vars.PROPOSAL, Variables.objectValue(Map.of("reference", REFERENCE))
                        .serializationDataFormat("application/json").create())
                .execute();
        fixture.runAsyncJobs();
        verify(fixture.notifications).send(PROPOSAL, Notice.PROPOSAL_APPROVED, null);
        verify(fixture.notifications).send(PROPOSAL, Notice.AGREEMENT_DUE, null);
        return instance;
    }

    private ProcessInstance runToFinalReport() {
        ProcessInstance followUp = calledProcessInstance(startAtApproval(), ProposalProcess.FOLLOW_UP_PROCESS_KEY);
        uploadAgreement();
        complete(task(followUp), withVariables(AGREEMENT_VERIFICATION, "verified"));
        for (Report report : List.of(FIRST, SECOND)) {
            fixture.fireTimerAt(EVENT_REPORTING_PERIOD_ENDED, instant(report.getPeriodEnd()).plusSeconds(60));
            submitReport();
            complete(task(followUp), withVariables(REPORT_REVIEW, "accept"));
        }
        fixture.fireTimerAt(EVENT_PROJECT_ENDED, instant(END).plusSeconds(60));
        assertThat(followUp).isWaitingAt(TASK_AWAIT_FINAL_REPORT);
        return followUp;
    }

    private static Date timerDue(String activityId) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService().createJobQuery().timers()
                .activityId(activityId).singleResult().getDuedate();
    }

    private static Map<String, Object> variablesOf(org.camunda.bpm.engine.task.Task task) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().getVariables(task.getId());
    }

    private void uploadAgreement() {
        runtimeService().createMessageCorrelation(ProposalProcess.Messages.AGREEMENT_UPLOADED).processInstanceBusinessKey(REFERENCE)
                .setVariable(AGREEMENT, Variables.objectValue(Map.of("fileName", "agreement.pdf")).serializationDataFormat("application/json").create())
                .correlate();
    }

    private void submitReport() {
        runtimeService().createMessageCorrelation(ProposalProcess.Messages.REPORT_SUBMITTED).processInstanceBusinessKey(REFERENCE).correlate();
    }

    private static ProcessInstance calledProcessInstance(ProcessInstance parent, String key) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(parent.getId()).processDefinitionKey(key).singleResult();
    }

    private static org.camunda.bpm.engine.task.Task task(ProcessInstance instance) {
        return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService().createTaskQuery()
                .processInstanceId(instance.getId()).singleResult();
    }

    private static Instant instant(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Date at(LocalDate date) {
        return Date.from(instant(date));
    }
}
