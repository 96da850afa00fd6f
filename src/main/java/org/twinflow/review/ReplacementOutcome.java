package org.twinflow.review;

import org.twinflow.process.FormChoice;

/** How a review goes on after its reviewer declared a conflict (form assign-replacement-reviewer). */
public enum ReplacementOutcome implements FormChoice {
    REPLACE("replace"),
    LOOK_AGAIN("look_again"),
    CONTINUE("continue");

    private final String value;

    ReplacementOutcome(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
