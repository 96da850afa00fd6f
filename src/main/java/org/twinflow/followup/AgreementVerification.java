package org.twinflow.followup;

import org.twinflow.process.FormChoice;

/** Whether the signed agreement the city uploaded is the right one (form verify-agreement). */
public enum AgreementVerification implements FormChoice {
    VERIFIED("verified"),
    REJECTED("rejected");

    private final String value;

    AgreementVerification(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
