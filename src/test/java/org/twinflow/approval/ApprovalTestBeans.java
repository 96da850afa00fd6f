package org.twinflow.approval;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.system.ProcessDurations;

/** Registers the approval package's process beans, over the given (mocked) service, for process tests. */
public final class ApprovalTestBeans {

    private ApprovalTestBeans() {
    }

    public static void register(CommitteeDecisions decisions, ProcessDurations durations) {
        Mocks.register("decisionTaskListener", new DecisionTaskListener(decisions));
        Mocks.register("revisionDeadlines", new RevisionDeadlines(decisions, durations));
    }
}
