package org.twinflow.screening;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.proposal.ProposalService;

/** Registers the screening package's process beans, over the given (mocked) services, for process tests. */
public final class ScreeningTestBeans {

    private ScreeningTestBeans() {
    }

    public static void register(ScreeningService screening, ProposalService proposals) {
        Mocks.register("screeningTaskListener", new ScreeningTaskListener(screening));
        Mocks.register("recordIneligibilityDelegate", new RecordIneligibilityDelegate(proposals));
    }
}
