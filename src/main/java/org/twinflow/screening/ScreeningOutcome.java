package org.twinflow.screening;

import org.twinflow.process.FormChoice;

/** The secretariat's screening outcomes, with the values the screening form sends. */
public enum ScreeningOutcome implements FormChoice {
    COMPLETE("complete"),
    NEEDS_CLARIFICATION("needs_clarification"),
    INELIGIBLE("ineligible");

    private final String value;

    ScreeningOutcome(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
