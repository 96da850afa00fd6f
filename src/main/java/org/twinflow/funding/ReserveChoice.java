package org.twinflow.funding;

import org.twinflow.process.FormChoice;

/** The committee's answer when a reserve proposal is offered freed money (approve-reserve-proposal form). */
public enum ReserveChoice implements FormChoice {
    FUND("fund"),
    PASS("pass");

    private final String value;

    ReserveChoice(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
