package org.twinflow.review;

import org.twinflow.process.FormChoice;

/** A reviewer's recommendation, with the values the review form sends. */
public enum Recommendation implements FormChoice {
    FUND("fund"),
    FUND_WITH_CHANGES("fund_with_changes"),
    DO_NOT_FUND("do_not_fund");

    private final String value;

    Recommendation(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
