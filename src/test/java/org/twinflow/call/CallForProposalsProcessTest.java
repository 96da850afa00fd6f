package org.twinflow.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.twinflow.ProcessFixture;
import org.twinflow.approval.Decision;
import org.twinflow.funding.FundingCandidate;
import org.twinflow.funding.FundingRanking;
import org.twinflow.funding.ReserveEntry;
import org.twinflow.notification.Notice;
import org.twinflow.process.CallProcess;
import org.twinflow.process.TaskInput;
import org.twinflow.process.CallProcess.Vars;

/**
 * {@code call-for-proposals} on the real BPMN, with the real beans over mocked services: the call opens and closes
 * by its timers, reminds and tells the cities with drafts, and a competitive call's committee funds within the budget
 * and promotes from its reserve list. Timers fire by moving the engine clock.
 */
@Deployment(resources = {"processes/call-for-proposals.bpmn", "forms/fund-proposals.form", "forms/approve-reserve-proposal.form"})
class CallForProposalsProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    static final long CALL = 5L;
    static final String CALL_REFERENCE = "CITIES-2027";
    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    static final Instant OPENS_AT = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant CLOSES_AT = Instant.parse("2027-03-31T10:00:00Z");
    static final BigDecimal BUDGET = new BigDecimal("200000");

    static final FundingCandidate SURABAYA = candidate(101L, "TW-2027-0001", "4.60", "0.20", "120000", "2027-01-10T09:00:00Z");
    static final FundingCandidate MEDAN = candidate(102L, "TW-2027-0002", "4.20", "0.40", "60000", "2027-01-11T09:00:00Z");
    static final FundingCandidate DAVAO = candidate(103L, "TW-2027-0003", "4.20", "0.40", "90000", "2027-01-12T09:00:00Z");
    static final FundingCandidate HUE = candidate(104L, "TW-2027-0004", "3.10", "1.20", "80000", "2027-01-09T09:00:00Z");

    ProcessEngine processEngine;
    ProcessFixture fixture;

    @BeforeEach
    void setUp() {
        init(processEngine);
        fixture = new ProcessFixture(processEngine);
        Mocks.register("callProgress", new CallProgress(fixture.calls, fixture.proposals));
        Mocks.register("callSchedule", new CallSchedule(ProcessFixture.CALL_SETTINGS));
        // no proposal processes here: what the call tells them is only watched
        doNothing().when(fixture.fundingMessages).fundingDecided(any(), anyString(), anyMap());
        when(fixture.proposals.draftIdsOfCall(CALL)).thenReturn(List.of(11L, 12L));
        when(fixture.funding.rulesOf(CALL)).thenReturn(org.twinflow.screening.ScreeningTestBeans.CALL);
        when(fixture.funding.remainingBudget(CALL)).thenReturn(BUDGET);
        when(fixture.funding.ranking(CALL)).thenReturn(FundingRanking.rank(List.of(HUE, DAVAO, MEDAN, SURABAYA), BUDGET));
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void tearDown() {
        fixture.reset();
    }

    @Test
    void shouldOpenRemindTheDraftsAndCloseARollingCallByItsTimers() {
        // given a published rolling call
        ProcessInstance instance = start("ROLLING");
        assertThat(instance).isWaitingAt("Event_CallOpens");

        // when its opening time comes, then it takes submissions
        fixture.fireTimerAt("Event_CallOpens", OPENS_AT);
        assertThat(instance).isWaitingAt("Task_TakeSubmissions");

        // when 7 days and then 1 day are left, then every draft's city is reminded each time
        fixture.fireTimerAt("Event_SevenDaysBeforeClosing", CLOSES_AT.minus(Duration.ofDays(7)));
        verify(fixture.notifications).send(11L, Notice.CALL_CLOSING_SOON, null);
        verify(fixture.notifications).send(12L, Notice.CALL_CLOSING_SOON, null);
        fixture.fireTimerAt("Event_OneDayBeforeClosing", CLOSES_AT.minus(Duration.ofDays(1)));
        verify(fixture.notifications, times(2)).send(11L, Notice.CALL_CLOSING_SOON, null);
        verify(fixture.notifications, times(2)).send(12L, Notice.CALL_CLOSING_SOON, null);
        assertThat(instance).isWaitingAt("Task_TakeSubmissions");

        // when the deadline comes, then the call is closed and, rolling, its process ends
        fixture.fireTimerAt("Event_DeadlineReached", CLOSES_AT);
        verify(fixture.calls).close(CALL);
        assertThat(instance).hasPassed("Task_CloseCall", "EndEvent_CallClosed").isEnded();
        verify(fixture.funding, never()).ranking(any());
    }

    @Test
    void shouldReArmTheClosingTimerWhenTheDeadlineIsExtended() {
        // given an open call
        ProcessInstance instance = start("ROLLING");
        fixture.fireTimerAt("Event_CallOpens", OPENS_AT);
        assertThat(timerDue("Event_DeadlineReached")).isEqualTo(CLOSES_AT);

        // when the secretariat extends the deadline by two weeks
        Instant extended = CLOSES_AT.plus(Duration.ofDays(14));
        runtimeService().createMessageCorrelation(CallProcess.Messages.DEADLINE_EXTENDED).processInstanceBusinessKey(CALL_REFERENCE)
                .setVariable(Vars.CLOSES_AT, Date.from(extended)).correlate();
        fixture.runAsyncJobs();

        // then the drafts' cities are told, and the timers wait for the new deadline
        verify(fixture.notifications).send(11L, Notice.CALL_DEADLINE_EXTENDED, null);
        verify(fixture.notifications).send(12L, Notice.CALL_DEADLINE_EXTENDED, null);
        assertThat(instance).isWaitingAt("Task_TakeSubmissions");
        assertThat(timerDue("Event_DeadlineReached")).isEqualTo(extended);
        assertThat(timerDue("Event_SevenDaysBeforeClosing")).isEqualTo(extended.minus(Duration.ofDays(7)));

        // and the old deadline closes nothing
        ClockUtil.setCurrentTime(Date.from(CLOSES_AT.plusSeconds(60)));
        assertThat(managementService().createJobQuery().timers().activityId("Event_DeadlineReached").executable().count()).isZero();
        fixture.fireTimerAt("Event_DeadlineReached", extended);
        verify(fixture.calls).close(CALL);
    }

    @Test
    void shouldWaitForTheLastReviewsThenAskTheCommitteeWithTheRanking() {
        // given a competitive call whose proposals are still in review at the deadline
        when(fixture.proposals.allReviewedInCall(CALL)).thenReturn(false);
        ProcessInstance instance = start("COMPETITIVE");
        fixture.fireTimerAt("Event_CallOpens", OPENS_AT);
        fixture.fireTimerAt("Event_DeadlineReached", CLOSES_AT);
        assertThat(instance).isWaitingAt("Task_WaitForLastReviews");

        // when another proposal settles but reviews are still outstanding, then it still waits
        settle();
        assertThat(instance).isWaitingAt("Task_WaitForLastReviews");

        // when the last proposal's review ends
        when(fixture.proposals.allReviewedInCall(CALL)).thenReturn(true);
        settle();

        // then the committee is asked to fund, with the ranking and its running total
        assertThat(instance).isWaitingAt("Task_FundProposals");
        assertThat(task()).hasCandidateGroup("committee");
        Map<String, Object> local = taskService().getVariablesLocal(task().getId());
        assertThat(local).containsEntry("budget", 200000.0).containsEntry("currency", "EUR");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) taskService().getVariable(task().getId(), "fundingProposals");
        // by score; the tie between Medan and Davao (same spread) goes to the earlier submission
        assertThat(rows).extracting(row -> row.get("reference"))
                .containsExactly("TW-2027-0001", "TW-2027-0002", "TW-2027-0003", "TW-2027-0004");
        assertThat(rows).extracting(row -> new BigDecimal(row.get("runningTotal").toString()).intValue())
                .containsExactly(120000, 180000, 270000, 350000);
        assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("decision", "reject").containsEntry("feedback", ""));
        assertThat(rows.get(0)).containsEntry("link", "/staff/proposals/TW-2027-0001");
    }

    @Test
    void shouldRefuseAFundingChoiceBeyondTheCallsBudget() {
        // given the committee's task
        ProcessInstance instance = startAndRunToFunding();
        Task funding = task();

        // when it funds Surabaya and Davao (120 000 + 90 000 of 200 000)
        List<Map<String, Object>> rows = rows(row(SURABAYA, "fund", null), row(MEDAN, "reject", null), row(DAVAO, "fund", null),
                row(HUE, "reject", null));

        // then the completion is refused and the task stays open
        assertThatThrownBy(() -> taskService().complete(funding.getId(), withVariables("fundingProposals", rows)))
                .isInstanceOf(TaskInput.TaskInputException.class)
                .hasMessage("The chosen proposals request 210000 EUR, more than the call's budget of 200000 EUR");
        assertThat(instance).isWaitingAt("Task_FundProposals");
        verify(fixture.decisions, never()).record(any(), any(), any(), any(), any());
    }

    @Test
    void shouldRefuseAFundingChoiceWithoutFeedbackOrConditions() {
        ProcessInstance instance = startAndRunToFunding();
        Task funding = task();
        List<Map<String, Object>> rows = rows(row(SURABAYA, "fund_with_conditions", null), row(MEDAN, "fund", null),
                row(DAVAO, "reject", null));
        rows.get(2).put("feedback", " ");

        assertThatThrownBy(() -> taskService().complete(funding.getId(), withVariables("fundingProposals", rows)))
                .isInstanceOf(TaskInput.TaskInputException.class)
                .hasMessage("TW-2027-0001: write the conditions of the funding; TW-2027-0003: write the feedback for the applicant; "
                        + "TW-2027-0004: decide on this proposal too");
        assertThat(instance).isWaitingAt("Task_FundProposals");
    }

    @Test
    void shouldSendEachProposalItsDecisionWithinTheBudgetAndKeepAReserveList() {
        // given the committee's task
        ProcessInstance instance = startAndRunToFunding();
        when(fixture.funding.reserveOf(CALL)).thenReturn(List.of(reserve(DAVAO, 1)));

        // when it funds Surabaya, Medan with conditions (180 000 of 200 000), reserves Davao and rejects Hue
        fund(rows(row(SURABAYA, "fund", null), row(MEDAN, "fund_with_conditions", "Add a second partner city."),
                row(DAVAO, "reserve", null), row(HUE, "reject", null)));

        // then each decision is recorded and sent to its proposal
        verify(fixture.decisions).record(eq(101L), eq(Decision.APPROVE), eq(null), eq("Feedback for TW-2027-0001"), anyString());
        verify(fixture.decisions).record(eq(102L), eq(Decision.APPROVE_WITH_CONDITIONS), eq("Add a second partner city."),
                eq("Feedback for TW-2027-0002"), anyString());
        verify(fixture.decisions).record(eq(104L), eq(Decision.REJECT), eq(null), eq("Feedback for TW-2027-0004"), anyString());
        verify(fixture.funding).placeOnReserve(CALL, 103L, 1, null, "Feedback for TW-2027-0003");
        verify(fixture.fundingMessages).fundingDecided(any(), eq("TW-2027-0001"), eq(decision("approve", null, "Feedback for TW-2027-0001")));
        verify(fixture.fundingMessages).fundingDecided(any(), eq("TW-2027-0002"),
                eq(decision("approve_with_conditions", "Add a second partner city.", "Feedback for TW-2027-0002")));
        verify(fixture.fundingMessages).fundingDecided(any(), eq("TW-2027-0003"), eq(decision("reserve", null, "Feedback for TW-2027-0003")));
        verify(fixture.fundingMessages).fundingDecided(any(), eq("TW-2027-0004"), eq(decision("reject", null, "Feedback for TW-2027-0004")));

        // and with someone on the reserve list, the call waits for freed money until the list closes in 12 months
        assertThat(instance).isWaitingAt("Task_WaitForFreedFunds");
        assertThat(timerDue("Event_ReserveListCloses")).isEqualTo(ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).plusMonths(12).toInstant());
    }

    @Test
    void shouldEndWhenNobodyIsOnTheReserveList() {
        ProcessInstance instance = startAndRunToFunding();
        when(fixture.funding.reserveOf(CALL)).thenReturn(List.of());

        fund(rows(row(SURABAYA, "fund", null), row(MEDAN, "fund", null), row(DAVAO, "reject", null), row(HUE, "reject", null)));

        assertThat(instance).hasPassed("Task_SendFundingDecisions", "EndEvent_FundingDecided").isEnded();
    }

    @Test
    void shouldOfferTheFirstFittingReserveProposalWhenMoneyIsFreed() {
        // given a reserve list of Davao (90 000, placed first by the committee) then Medan (60 000)
        ProcessInstance instance = startAndRunToFunding();
        when(fixture.funding.reserveOf(CALL)).thenReturn(List.of(reserve(DAVAO, 1), reserve(MEDAN, 2)));
        List<Map<String, Object>> rows = rows(row(SURABAYA, "fund", null), row(MEDAN, "reserve", null), row(DAVAO, "reserve", null),
                row(HUE, "reject", null));
        rows.get(2).put("reservePosition", 1);
        fund(rows);
        verify(fixture.funding).placeOnReserve(CALL, 103L, 1, null, "Feedback for TW-2027-0003");
        verify(fixture.funding).placeOnReserve(CALL, 102L, 2, null, "Feedback for TW-2027-0002");
        assertThat(instance).isWaitingAt("Task_WaitForFreedFunds");

        // when a funded partnership is cancelled and 70 000 are free: Davao does not fit, Medan does
        when(fixture.funding.remainingBudget(CALL)).thenReturn(new BigDecimal("70000"));
        fundsFreed();

        // then the committee is offered Medan
        assertThat(instance).isWaitingAt("Task_ApproveReserveProposal");
        assertThat(task()).hasCandidateGroup("committee");
        assertThat(runtimeService().getVariables(instance.getId())).containsEntry("offeredReference", "TW-2027-0002")
                .containsEntry("offeredAmount", 60000.0).containsEntry("freedAmount", 70000.0);

        // when it funds Medan
        when(fixture.funding.reserveEntryOf(102L)).thenReturn(Optional.of(reserve(MEDAN, 2)));
        when(fixture.funding.reserveOf(CALL)).thenReturn(List.of(reserve(DAVAO, 1)));
        complete(task(), withVariables("reserveDecision", "fund", "reserveFeedback", "Funded from freed money."));

        // then Medan is approved, leaves the list and is told; the call waits again for Davao
        verify(fixture.decisions).record(eq(102L), eq(Decision.APPROVE), eq(null), eq("Funded from freed money."), anyString());
        verify(fixture.funding).leaveReserve(102L);
        verify(fixture.fundingMessages).fundingDecided(any(), eq("TW-2027-0002"), eq(decision("approve", null, "Funded from freed money.")));
        assertThat(instance).isWaitingAt("Task_WaitForFreedFunds");
    }

    @Test
    void shouldKeepWaitingWhenTheFreedMoneyFitsNobody() {
        ProcessInstance instance = startAndRunToFunding();
        when(fixture.funding.reserveOf(CALL)).thenReturn(List.of(reserve(DAVAO, 1)));
        fund(rows(row(SURABAYA, "fund", null), row(MEDAN, "fund", null), row(DAVAO, "reserve", null), row(HUE, "reject", null)));

        when(fixture.funding.remainingBudget(CALL)).thenReturn(new BigDecimal("50000"));
        fundsFreed();

        assertThat(instance).hasPassed("Task_FindFittingReserve").isWaitingAt("Task_WaitForFreedFunds");
        verify(fixture.decisions, never()).record(eq(103L), any(), any(), any(), any());
    }

    @Test
    void shouldRejectWhatIsLeftOnTheReserveListWhenItCloses() {
        // given a reserve list with Davao
        ProcessInstance instance = startAndRunToFunding();
        when(fixture.funding.reserveOf(CALL)).thenReturn(List.of(reserve(DAVAO, 1)));
        fund(rows(row(SURABAYA, "fund", null), row(MEDAN, "fund", null), row(DAVAO, "reserve", null), row(HUE, "reject", null)));

        // when the list's 12 months are over
        fixture.fireTimerAt("Event_ReserveListCloses", ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).plusMonths(12).toInstant());

        // then Davao is rejected and told so
        verify(fixture.decisions).record(eq(103L), eq(Decision.REJECT), eq(null), eq("The reserve list of the call has closed"), anyString());
        verify(fixture.funding).leaveReserve(103L);
        verify(fixture.fundingMessages).fundingDecided(any(), eq("TW-2027-0003"),
                eq(decision("reject", null, "The reserve list of the call has closed")));
        assertThat(instance).hasPassed("Task_CloseReserveList", "EndEvent_ReserveListClosed").isEnded();
    }

    // --- steps -------------------------------------------------------------------------------

    private ProcessInstance start(String mode) {
        return runtimeService().startProcessInstanceByKey(CallProcess.PROCESS_KEY, CALL_REFERENCE, Variables.createVariables()
                .putValue(Vars.CALL_ID, CALL).putValue(Vars.CALL_REFERENCE, CALL_REFERENCE).putValue(Vars.CALL_TITLE, "Cities 2027")
                .putValue(Vars.CALL_MODE, mode).putValue(Vars.OPENS_AT, Date.from(OPENS_AT)).putValue(Vars.CLOSES_AT, Date.from(CLOSES_AT)));
    }

    private ProcessInstance startAndRunToFunding() {
        when(fixture.proposals.allReviewedInCall(CALL)).thenReturn(true);
        ProcessInstance instance = start("COMPETITIVE");
        fixture.fireTimerAt("Event_CallOpens", OPENS_AT);
        fixture.fireTimerAt("Event_DeadlineReached", CLOSES_AT);
        assertThat(instance).isWaitingAt("Task_FundProposals");
        return instance;
    }

    private static void fund(List<Map<String, Object>> rows) {
        complete(task(), withVariables("fundingProposals", rows));
    }

    private static void settle() {
        runtimeService().createMessageCorrelation(CallProcess.Messages.PROPOSAL_SETTLED).processInstanceBusinessKey(CALL_REFERENCE).correlateAll();
    }

    private static void fundsFreed() {
        runtimeService().createMessageCorrelation(CallProcess.Messages.FUNDS_FREED).processInstanceBusinessKey(CALL_REFERENCE).correlateAll();
    }

    @SafeVarargs
    private static List<Map<String, Object>> rows(Map<String, Object>... rows) {
        return new ArrayList<>(List.of(rows));
    }

    /** A row as Tasklist sends it back from the form's dynamic list. */
    private static Map<String, Object> row(FundingCandidate candidate, String decision, String conditions) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("reference", candidate.reference());
        row.put("title", candidate.title());
        row.put("score", candidate.score().doubleValue());
        row.put("decision", decision);
        row.put("conditions", conditions == null ? "" : conditions);
        row.put("feedback", "Feedback for " + candidate.reference());
        row.put("reservePosition", null);
        return row;
    }

    private static Map<String, Object> decision(String decision, String conditions, String feedback) {
        Map<String, Object> variables = new LinkedHashMap<>();
        // conditions and feedback are recorded, not sent (FundingDecisions#decisionVariables)
        variables.put("decision", decision);
        return variables;
    }

    private static FundingCandidate candidate(long id, String reference, String score, String spread, String requested, String submitted) {
        return new FundingCandidate(id, reference, "Partnership " + reference, "City of " + reference, new BigDecimal(score),
                new BigDecimal(spread), new BigDecimal(requested), Instant.parse(submitted));
    }

    private static ReserveEntry reserve(FundingCandidate candidate, int position) {
        return new ReserveEntry(candidate.proposalId(), candidate.reference(), candidate.title(), candidate.city(),
                candidate.requestedAmount(), position, null, "Feedback for " + candidate.reference());
    }

    private static Instant timerDue(String activityId) {
        return managementService().createJobQuery().timers().activityId(activityId).singleResult().getDuedate().toInstant();
    }
}
