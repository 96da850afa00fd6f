package org.twinflow.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.approval.CallBudgets;
import org.twinflow.call.CallRules;
import org.twinflow.call.CallService;

/**
 * The funding decision of a competitive call: its ranking ({@link FundingRanking}), the money left, and its reserve
 * list (table {@code funding_reserve}). The decisions themselves are the committee's ({@code CommitteeDecisions}).
 */
@Service
public class FundingService {

    private final FundingRecords records;
    private final CallService calls;
    private final CallBudgets budgets;
    private final Clock clock;

    FundingService(FundingRecords records, CallService calls, CallBudgets budgets, Clock clock) {
        this.records = records;
        this.calls = calls;
        this.budgets = budgets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CallRules rulesOf(Long callId) {
        return calls.rulesOf(callId);
    }

    /** The call's proposals waiting for the funding decision, in the ranking's order. */
    @Transactional(readOnly = true)
    public List<RankedProposal> ranking(Long callId) {
        return FundingRanking.rank(records.candidatesOf(callId), budgets.remainingOf(callId));
    }

    /** The call's budget not yet promised to approved (and not cancelled) proposals. */
    @Transactional(readOnly = true)
    public BigDecimal remainingBudget(Long callId) {
        return budgets.remainingOf(callId);
    }

    @Transactional
    public void placeOnReserve(Long callId, Long proposalId, int position, String conditions, String feedback) {
        records.placeOnReserve(callId, proposalId, position, conditions, feedback, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<ReserveEntry> reserveOf(Long callId) {
        return records.reserveOf(callId);
    }

    @Transactional(readOnly = true)
    public Optional<ReserveEntry> reserveEntryOf(Long proposalId) {
        return records.reserveEntryOf(proposalId);
    }

    /** The proposal leaves the reserve list (funded from freed money, or rejected when the list closed). */
    @Transactional
    public void leaveReserve(Long proposalId) {
        records.leaveReserve(proposalId);
    }
}
