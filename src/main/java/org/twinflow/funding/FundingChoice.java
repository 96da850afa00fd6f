package org.twinflow.funding;

import org.twinflow.process.FormChoice;

/** What the committee decides for each proposal of a competitive call, with the values the fund-proposals form sends. */
public enum FundingChoice implements FormChoice {
    FUND("fund"),
    FUND_WITH_CONDITIONS("fund_with_conditions"),
    RESERVE("reserve"),
    REJECT("reject");

    private final String value;

    FundingChoice(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }

    public boolean funds() {
        return this == FUND || this == FUND_WITH_CONDITIONS;
    }
}
