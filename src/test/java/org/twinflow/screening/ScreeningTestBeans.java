package org.twinflow.screening;

import java.math.BigDecimal;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.proposal.ProposalService;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

import org.twinflow.call.CallMode;
import org.twinflow.call.CallRules;
import org.twinflow.call.CallService;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.ProcessDurations;

/** Registers the screening package's process beans, over the given (mocked) services, for process tests. */
public final class ScreeningTestBeans {

    private ScreeningTestBeans() {
    }

    /** The rules of the call the process tests' proposals go to: the first call of application.yaml (any country, any SDG). */
    public static final CallRules CALL = new CallRules(1L, "OPEN-2026", CallMode.ROLLING, EnumSet.allOf(ThematicArea.class), Set.of(),
            Set.of(), Set.of(), "EUR", new BigDecimal("5000000"), new BigDecimal("150000"), new BigDecimal("0.8"), 6, 36, 2,
            Period.ofMonths(6));

    public static void register(ScreeningService screening, ProposalService proposals, CallService calls, ProcessDurations durations) {
        Mocks.register("eligibilityCheck", new EligibilityCheck(proposals, calls));
        Mocks.register("screeningTaskListener", new ScreeningTaskListener(screening, durations));
        Mocks.register("recordIneligibilityDelegate", new RecordIneligibilityDelegate(screening));
    }
}
