package org.twinflow.approval;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.proposal.ProposalService;

/** Registers the approval package's process beans, over the given (mocked) service, for process tests. */
public final class ApprovalTestBeans {

    private ApprovalTestBeans() {
    }

    public static void register(ProposalService proposals) {
        Mocks.register("decisionTaskListener", new DecisionTaskListener(proposals));
    }
}
