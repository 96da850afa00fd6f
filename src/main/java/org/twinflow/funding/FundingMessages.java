package org.twinflow.funding;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.twinflow.process.CallProcess;
import org.twinflow.process.ProposalProcess;

/**
 * The messages between a call's process and its proposals' processes. To the call: by its reference, to every instance
 * that waits ({@code correlateAll}: a call that does not wait, or a proposal made before calls had processes, is no
 * error). To a proposal: by its reference, which must wait for it.
 * <ul>
 * <li>{@code partnership-proposal}, {@code Task_TellCallReviewEnded}, {@code EndEvent_ProposalIneligible},
 * {@code EndEvent_ProposalWithdrawn}: {@link #proposalSettled};</li>
 * <li>{@code EndEvent_PartnershipCancelled}: {@link #fundsFreed};</li>
 * <li>{@link FundingDecisions}: {@link #fundingDecided}.</li>
 * </ul>
 */
@Component("fundingMessages")
public class FundingMessages {

    private static final Logger log = LoggerFactory.getLogger(FundingMessages.class);

    /** The proposal's review ended, or it ended before (ineligible, withdrawn): a competitive call may be fully reviewed. */
    public void proposalSettled(DelegateExecution execution) {
        toCall(execution, CallProcess.Messages.PROPOSAL_SETTLED);
    }

    /** The proposal's partnership was cancelled: its money is free for the call's reserve list. */
    public void fundsFreed(DelegateExecution execution) {
        toCall(execution, CallProcess.Messages.FUNDS_FREED);
    }

    /** The call's funding decision for one proposal: {@code decision}, {@code decisionConditions}, {@code decisionFeedback}. */
    public void fundingDecided(ProcessEngineServices engine, String proposalReference, Map<String, Object> variables) {
        engine.getRuntimeService().createMessageCorrelation(ProposalProcess.Messages.FUNDING_DECIDED)
                .processInstanceBusinessKey(proposalReference).setVariables(variables).correlate();
        log.info("Proposal {}: funding decision {} sent", proposalReference, variables.get(ProposalProcess.Vars.DECISION));
    }

    private static void toCall(DelegateExecution execution, String message) {
        Object callReference = execution.getVariable(ProposalProcess.Vars.CALL_REFERENCE);
        if (callReference == null) {
            return;
        }
        execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(message)
                .processInstanceBusinessKey(callReference.toString()).correlateAll();
        log.info("Proposal {}: {} told to call {}", execution.getProcessBusinessKey(), message, callReference);
    }
}
