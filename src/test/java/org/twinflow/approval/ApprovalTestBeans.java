package org.twinflow.approval;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.ProcessDurations;

/** Registers the approval package's process beans, over the given (mocked) services, for process tests. */
public final class ApprovalTestBeans {

    private ApprovalTestBeans() {
    }

    public static void register(CommitteeDecisions decisions, CallBudgets budgets, ProposalService proposals, ProcessDurations durations) {
        Mocks.register("decisionTaskListener", new DecisionTaskListener(decisions, budgets, proposals));
        Mocks.register("revisionDeadlines", new RevisionDeadlines(decisions, durations));
    }
}
