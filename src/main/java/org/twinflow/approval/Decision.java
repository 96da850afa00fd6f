package org.twinflow.approval;

import org.twinflow.process.FormChoice;

/** The committee's decisions, with the values the decision form sends. */
public enum Decision implements FormChoice {
    APPROVE("approve"),
    APPROVE_WITH_CONDITIONS("approve_with_conditions"),
    RETURN_FOR_REVISION("return_for_revision"),
    REJECT("reject");

    private final String value;

    Decision(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
