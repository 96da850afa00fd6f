package org.twinflow.screening;

import java.math.BigDecimal;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.CallProperties;
import org.twinflow.system.ProcessDurations;

/** Registers the screening package's process beans, over the given (mocked) services, for process tests. */
public final class ScreeningTestBeans {

    private ScreeningTestBeans() {
    }

    /** The call limits of the test configuration (application.yaml). */
    public static final CallProperties CALL = new CallProperties(6, 36, new BigDecimal("150000"), new BigDecimal("0.8"), "EUR");

    public static void register(ScreeningService screening, ProposalService proposals, ProcessDurations durations) {
        Mocks.register("eligibilityCheck", new EligibilityCheck(proposals, CALL));
        Mocks.register("screeningTaskListener", new ScreeningTaskListener(screening, durations));
        Mocks.register("recordIneligibilityDelegate", new RecordIneligibilityDelegate(screening));
    }
}
