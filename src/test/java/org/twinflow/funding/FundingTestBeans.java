package org.twinflow.funding;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.system.EngineClock;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.system.CallProperties;

/** Registers the funding package's process beans, over the given (mocked) services, for process tests. */
public final class FundingTestBeans {

    private FundingTestBeans() {
    }

    public static void register(FundingService funding, CommitteeDecisions decisions, FundingMessages messages, CallProperties settings) {
        Mocks.register("fundingMessages", messages);
        Mocks.register("fundingTaskListener", new FundingTaskListener(funding));
        Mocks.register("fundingDecisions", new FundingDecisions(funding, decisions, messages, settings, new EngineClock()));
        Mocks.register("reservePromotionTaskListener", new ReservePromotionTaskListener());
    }
}
