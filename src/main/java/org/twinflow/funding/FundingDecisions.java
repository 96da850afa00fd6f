package org.twinflow.funding;

import static org.twinflow.process.CallProcess.Vars.CALL_ID;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.approval.Decision;
import org.twinflow.process.ProposalProcess;
import org.twinflow.system.CallProperties;

/**
 * What {@code call-for-proposals} does with the committee's funding decision:
 * <ul>
 * <li>{@code Task_SendFundingDecisions}: {@link #send} records each decision and tells each proposal;</li>
 * <li>{@code Gateway_AnyOnReserve}: {@link #anyOnReserve};</li>
 * <li>{@code Task_FindFittingReserve}: {@link #offerNextReserve}, when money of the call was freed: the first reserve
 * proposal, by position, whose requested amount fits what is left of the budget;</li>
 * <li>{@code Task_SendReserveDecision}: {@link #sendReserveDecision};</li>
 * <li>{@code Task_CloseReserveList}: {@link #closeReserveList} rejects everyone left on the list.</li>
 * </ul>
 */
@Component("fundingDecisions")
public class FundingDecisions {

    /** When the reserve list closes (a Date): its timer. */
    public static final String RESERVE_LIST_CLOSES_AT = "reserveListClosesAt";
    /** Whether a reserve proposal fits the freed money, and which (for the approve-reserve-proposal form). */
    public static final String RESERVE_FITS = "reserveFits";
    public static final String OFFERED_PROPOSAL_ID = "offeredProposalId";
    public static final String OFFERED_REFERENCE = "offeredReference";
    public static final String OFFERED_TITLE = "offeredTitle";
    public static final String OFFERED_CITY = "offeredCity";
    public static final String OFFERED_AMOUNT = "offeredAmount";
    public static final String FREED_AMOUNT = "freedAmount";
    /** The committee's answer to the offer: {@code fund} or {@code pass}; and its feedback. */
    public static final String RESERVE_DECISION = "reserveDecision";
    public static final String RESERVE_FEEDBACK = "reserveFeedback";

    static final String RESERVE_LIST_CLOSED_FEEDBACK = "The reserve list of the call has closed";

    private static final Logger log = LoggerFactory.getLogger(FundingDecisions.class);

    private final FundingService funding;
    private final CommitteeDecisions decisions;
    private final FundingMessages messages;
    private final CallProperties settings;
    private final Clock clock;

    public FundingDecisions(FundingService funding, CommitteeDecisions decisions, FundingMessages messages, CallProperties settings,
            Clock clock) {
        this.funding = funding;
        this.decisions = decisions;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records every proposal's decision (reserve: its place on the list), tells each proposal, opens the reserve list. */
    public void send(DelegateExecution execution) {
        Long callId = (Long) execution.getVariable(CALL_ID);
        String actor = (String) execution.getVariable(FundingTaskListener.FUNDING_DECIDED_BY);
        List<Map<String, Object>> choices = FundingRows.read(execution.getVariable(FundingTaskListener.FUNDING_CHOICES));
        for (Map<String, Object> choice : choices) {
            Long proposalId = ((Number) choice.get("proposalId")).longValue();
            String reference = (String) choice.get("reference");
            String conditions = (String) choice.get("conditions");
            String feedback = (String) choice.get("feedback");
            FundingChoice decision = FundingChoice.valueOf(((String) choice.get("decision")).toUpperCase());
            String sent;
            switch (decision) {
                case FUND -> {
                    decisions.record(proposalId, Decision.APPROVE, null, feedback, actor);
                    sent = Decision.APPROVE.value();
                }
                case FUND_WITH_CONDITIONS -> {
                    decisions.record(proposalId, Decision.APPROVE_WITH_CONDITIONS, conditions, feedback, actor);
                    sent = Decision.APPROVE_WITH_CONDITIONS.value();
                }
                case RESERVE -> {
                    funding.placeOnReserve(callId, proposalId, ((Number) choice.get("reservePosition")).intValue(), conditions, feedback);
                    sent = FundingChoice.RESERVE.value();
                }
                default -> {
                    decisions.record(proposalId, Decision.REJECT, null, feedback, actor);
                    sent = Decision.REJECT.value();
                }
            }
            messages.fundingDecided(execution.getProcessEngineServices(), reference, decisionVariables(sent));
        }
        execution.setVariable(RESERVE_LIST_CLOSES_AT, Date.from(clock.instant().atZone(ZoneOffset.UTC)
                .plus(settings.reserveListOpenFor()).toInstant()));
        log.info("Call {}: {} funding decisions sent", execution.getProcessBusinessKey(), choices.size());
    }

    public boolean anyOnReserve(Long callId) {
        return !funding.reserveOf(callId).isEmpty();
    }

    /**
     * Money of the call was freed: offers the first proposal on the reserve list (by position) whose requested amount
     * fits the budget less what approved, not cancelled proposals request. Sets {@code reserveFits} and the offer.
     */
    public void offerNextReserve(DelegateExecution execution) {
        Long callId = (Long) execution.getVariable(CALL_ID);
        BigDecimal available = funding.remainingBudget(callId);
        Optional<ReserveEntry> fitting = funding.reserveOf(callId).stream().filter(e -> e.requested().compareTo(available) <= 0).findFirst();
        execution.setVariable(RESERVE_FITS, fitting.isPresent());
        execution.setVariable(FundingTaskListener.CURRENCY, funding.rulesOf(callId).currency());
        execution.setVariable(FREED_AMOUNT, available.doubleValue());
        execution.setVariable(OFFERED_PROPOSAL_ID, fitting.map(ReserveEntry::proposalId).orElse(null));
        execution.setVariable(OFFERED_REFERENCE, fitting.map(ReserveEntry::reference).orElse(null));
        execution.setVariable(OFFERED_TITLE, fitting.map(ReserveEntry::title).orElse(null));
        execution.setVariable(OFFERED_CITY, fitting.map(ReserveEntry::city).orElse(null));
        execution.setVariable(OFFERED_AMOUNT, fitting.map(e -> e.requested().doubleValue()).orElse(null));
    }

    /** Funds the offered reserve proposal (it leaves the list and is told), or leaves it on the list when passed over. */
    public void sendReserveDecision(DelegateExecution execution) {
        if (!ReserveChoice.FUND.value().equals(execution.getVariable(RESERVE_DECISION))) {
            log.info("Call {}: reserve proposal {} passed over", execution.getProcessBusinessKey(), execution.getVariable(OFFERED_REFERENCE));
            return;
        }
        Long proposalId = (Long) execution.getVariable(OFFERED_PROPOSAL_ID);
        String reference = (String) execution.getVariable(OFFERED_REFERENCE);
        String feedback = (String) execution.getVariable(RESERVE_FEEDBACK);
        String actor = (String) execution.getVariable(FundingTaskListener.FUNDING_DECIDED_BY);
        ReserveEntry entry = funding.reserveEntryOf(proposalId)
                .orElseThrow(() -> new IllegalStateException("Proposal " + reference + " is not on the reserve list"));
        Decision decision = entry.conditions() == null || entry.conditions().isBlank() ? Decision.APPROVE : Decision.APPROVE_WITH_CONDITIONS;
        decisions.record(proposalId, decision, entry.conditions(), feedback, actor);
        funding.leaveReserve(proposalId);
        messages.fundingDecided(execution.getProcessEngineServices(), reference, decisionVariables(decision.value()));
    }

    /** The reserve list's time is over: every proposal left on it is rejected, and told. */
    public void closeReserveList(DelegateExecution execution) {
        Long callId = (Long) execution.getVariable(CALL_ID);
        for (ReserveEntry entry : funding.reserveOf(callId)) {
            decisions.record(entry.proposalId(), Decision.REJECT, null, RESERVE_LIST_CLOSED_FEEDBACK, org.twinflow.timeline.TimelineActors.SYSTEM);
            funding.leaveReserve(entry.proposalId());
            messages.fundingDecided(execution.getProcessEngineServices(), entry.reference(),
                    decisionVariables(Decision.REJECT.value()));
        }
        log.info("Call {}: reserve list closed", execution.getProcessBusinessKey());
    }

    /**
     * Only the decision travels to the proposal's process (its gateway needs it): conditions and feedback are recorded in
     * proposal_decision, where the notices read them. As process variables they would stay for the partnership's life
     * (docs/decisions.md, "Free text stays out of Camunda's string columns").
     */
    private static Map<String, Object> decisionVariables(String decision) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(ProposalProcess.Vars.DECISION, decision);
        return variables;
    }
}
