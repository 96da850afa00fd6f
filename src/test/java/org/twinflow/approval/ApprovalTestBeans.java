package org.twinflow.approval;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.ProcessDurations;

/** Registers the approval package's process beans, over the given (mocked) service, for process tests. */
public final class ApprovalTestBeans {

    private ApprovalTestBeans() {
    }

    public static void register(ProposalService proposals, ProcessDurations durations) {
        Mocks.register("decisionTaskListener", new DecisionTaskListener(proposals));
        Mocks.register("revisionDeadlines", new RevisionDeadlines(proposals, durations));
    }
}
