package org.twinflow.call;

import static org.twinflow.process.CallProcess.Vars.CALL_ID;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.ProposalService;

/** What {@code call-for-proposals} asks about its call: the drafts to remind, closing, and whether every review is done. */
@Component("callProgress")
public class CallProgress {

    private final CallService calls;
    private final ProposalService proposals;

    public CallProgress(CallService calls, ProposalService proposals) {
        this.calls = calls;
        this.proposals = proposals;
    }

    /** The drafts of the call: one reminder (an own job) each. */
    public List<Long> draftsOf(Long callId) {
        return new ArrayList<>(proposals.draftIdsOfCall(callId));
    }

    /** {@code Task_CloseCall}: waits for the submissions under way (CallService#close), then marks the call closed. */
    public void close(DelegateExecution execution) {
        calls.close((Long) execution.getVariable(CALL_ID));
    }

    /** Every submitted proposal of the call has finished its review, or ended before it. */
    public boolean allReviewed(Long callId) {
        return proposals.allReviewedInCall(callId);
    }
}
