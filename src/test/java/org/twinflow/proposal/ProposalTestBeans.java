package org.twinflow.proposal;

import org.camunda.bpm.engine.test.mock.Mocks;

/** Registers the proposal package's process beans, over the given (mocked) services, for process tests. */
public final class ProposalTestBeans {

    private ProposalTestBeans() {
    }

    public static void register(ProposalService proposals) {
        Mocks.register("proposalStatus", new ProposalStatusListener(proposals));
    }
}
