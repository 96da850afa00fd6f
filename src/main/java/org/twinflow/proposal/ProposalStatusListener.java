package org.twinflow.proposal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import org.twinflow.process.ProposalProcess;

/**
 * Keeps the proposal's status column in step with the process, in the engine's transaction. Used by
 * execution listeners in both BPMN files: {@code ${proposalStatus.moveTo(execution, 'IN_SCREENING')}}.
 */
@Component("proposalStatus")
public class ProposalStatusListener {

    private final ProposalService proposals;

    ProposalStatusListener(ProposalService proposals) {
        this.proposals = proposals;
    }

    public void moveTo(DelegateExecution execution, String status) {
        Long proposalId = (Long) execution.getVariable(ProposalProcess.Vars.PROPOSAL_ID);
        proposals.moveTo(proposalId, ProposalStatus.valueOf(status));
    }
}
