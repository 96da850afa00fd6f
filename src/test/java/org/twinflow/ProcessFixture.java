package org.twinflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.approval.CallBudgets;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.approval.ApprovalTestBeans;
import org.twinflow.followup.FollowUpService;
import org.twinflow.funding.FundingMessages;
import org.twinflow.funding.FundingService;
import org.twinflow.funding.FundingTestBeans;
import org.twinflow.followup.FollowUpTestBeans;
import org.twinflow.notification.NotificationService;
import org.twinflow.notification.NotificationTestBeans;
import org.twinflow.call.CallService;
import org.twinflow.proposal.EligibilityFacts;
import org.twinflow.proposal.PartnershipType;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalTestBeans;
import org.twinflow.review.ScoreSummary;
import org.twinflow.review.Recommendation;
import org.twinflow.review.ReviewService;
import org.twinflow.review.ReviewTestBeans;
import org.twinflow.screening.ScreeningService;
import org.twinflow.screening.ScreeningTestBeans;
import org.twinflow.system.CallProperties;
import org.twinflow.system.ProcessDurations;
import org.twinflow.system.ProcessTimingProperties;

/**
 * The real delegates and listeners of both processes, wired to Mockito mocks of the services, for
 * process tests on the in-memory engine. Also moves the engine clock and runs jobs.
 */
public class ProcessFixture {

    public static final ProcessTimingProperties TIMINGS = new ProcessTimingProperties(Duration.ofDays(5),
            Duration.ofDays(14), Duration.ofDays(3), Duration.ofDays(30), Duration.ofDays(21), Duration.ofDays(5),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(60), Duration.ofDays(14), Duration.ofDays(7),
            Duration.ofDays(30), Duration.ofDays(7), Duration.ofDays(14));

    /** What a new call starts with; calls' processes look again for reviews every 6 hours, reserve lists stay open 12 months. */
    public static final CallProperties CALL_SETTINGS = new CallProperties(6, 36, new BigDecimal("150000"), new BigDecimal("0.8"), "EUR",
            new BigDecimal("1000000"), java.time.ZoneId.of("UTC"), "", 2, Period.ofMonths(6), Duration.ofHours(6), Period.ofMonths(12));

    public static final List<Map<String, Object>> REVIEWER_OPTIONS = List.of(
            Map.of("label", "Amara Okafor (amara)", "value", "amara"),
            Map.of("label", "Bao Nguyen (bao)", "value", "bao"),
            Map.of("label", "Chen Wei (chen)", "value", "chen"));

    /** A municipality's proposal with one partner abroad, two SDGs, 18 months, 90 000 of 150 000 requested: eligible. */
    public static final EligibilityFacts ELIGIBLE = new EligibilityFacts(1L, "MUNICIPALITY", "ID", 1, "MOBILITY", 2, 18,
            new BigDecimal("90000"), new BigDecimal("150000"));

    public final ProposalService proposals = mock(ProposalService.class);
    public final CallService calls = mock(CallService.class);
    public final ScreeningService screening = mock(ScreeningService.class);
    public final ReviewService reviews = mock(ReviewService.class);
    public final FollowUpService followUp = mock(FollowUpService.class);
    public final CommitteeDecisions decisions = mock(CommitteeDecisions.class);
    public final NotificationService notifications = mock(NotificationService.class);
    public final CallBudgets budgets = mock(CallBudgets.class);
    public final FundingService funding = mock(FundingService.class);
    /** The real messages between calls and proposals, watched. */
    public final FundingMessages fundingMessages = spy(new FundingMessages());

    private final ProcessEngine engine;

    public ProcessFixture(ProcessEngine engine) {
        this.engine = engine;
        when(proposals.eligibilityFactsOf(anyLong())).thenReturn(ELIGIBLE);
        when(proposals.sdgsOf(anyLong())).thenReturn(List.of(11, 13));
        when(calls.rulesOf(anyLong())).thenReturn(ScreeningTestBeans.CALL);
        when(reviews.minReviewers(anyLong())).thenReturn(2);
        when(reviews.reviewerOptions(anyLong())).thenReturn(REVIEWER_OPTIONS);
        when(reviews.replacementOptions(anyLong())).thenReturn(REVIEWER_OPTIONS.subList(2, 3));
        when(reviews.assign(anyLong(), any(), anyString())).thenAnswer(call -> call.getArgument(1));
        when(reviews.aggregate(anyLong())).thenReturn(Optional.of(aggregatedScores()));
        when(reviews.activeReviewCount(anyLong())).thenReturn(1);
        when(proposals.byId(anyLong())).thenReturn(proposal(new BigDecimal("90000")));
        when(budgets.remainingOf(anyLong())).thenReturn(new BigDecimal("5000000"));
        ProcessDurations durations = new ProcessDurations(TIMINGS);
        Mocks.register("processDurations", durations);
        ProposalTestBeans.register(proposals);
        ScreeningTestBeans.register(screening, proposals, calls, durations);
        ReviewTestBeans.register(reviews, durations);
        ApprovalTestBeans.register(decisions, budgets, proposals, durations);
        FundingTestBeans.register(funding, decisions, fundingMessages, CALL_SETTINGS);
        FollowUpTestBeans.register(followUp, durations);
        NotificationTestBeans.register(notifications);
    }

    public void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    /** Runs every due asynchronous continuation (not timers) until none is left. */
    public void runAsyncJobs() {
        Jobs.runAsync(engine.getManagementService());
    }

    /** Moves the engine clock forward. */
    public void advanceClock(Duration duration) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    }

    /** Asserts the timer is not due yet, moves the clock by {@code after}, asserts it is due now and runs it. */
    public void fireTimerAfter(String activityId, Duration after) {
        fireTimerAt(activityId, ClockUtil.getCurrentTime().toInstant().plus(after));
    }

    /** Asserts the timer is not due yet, sets the clock to {@code when}, asserts it is due now and runs it. */
    public void fireTimerAt(String activityId, Instant when) {
        ManagementService management = engine.getManagementService();
        assertThat(management.createJobQuery().timers().activityId(activityId).executable().count())
                .as("timer %s must not be due yet", activityId).isZero();
        ClockUtil.setCurrentTime(Date.from(when));
        List<Job> due = management.createJobQuery().timers().activityId(activityId).executable().list();
        assertThat(due).as("timer %s must be due at %s", activityId, when).hasSize(1);
        management.executeJob(due.get(0).getId());
        runAsyncJobs();
    }

    /** A submitted proposal of call 1 requesting {@code requested} EUR. */
    public static Proposal proposal(BigDecimal requested) {
        Proposal proposal = new Proposal("TW-2026-0042", 1L, 7L, PartnershipType.TWINNING, "Bus rapid transit exchange", "EUR",
                Instant.parse("2026-10-01T09:00:00Z"));
        proposal.budget(requested.multiply(new BigDecimal("1.5")), requested, requested.multiply(new BigDecimal("0.5")));
        return proposal;
    }

    private static ReviewService.ReviewScores aggregatedScores() {
        BigDecimal four = new BigDecimal("4.00");
        var counts = new EnumMap<Recommendation, Integer>(Recommendation.class);
        counts.put(Recommendation.FUND, 2);
        counts.put(Recommendation.FUND_WITH_CHANGES, 0);
        counts.put(Recommendation.DO_NOT_FUND, 0);
        return new ReviewService.ReviewScores(new ScoreSummary(four, four, four, four, four, four, new BigDecimal("0.40")), 2, counts);
    }
}
