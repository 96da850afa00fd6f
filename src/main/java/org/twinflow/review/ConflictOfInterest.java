package org.twinflow.review;

import org.twinflow.process.FormChoice;

/** A reviewer's declaration (form declare-conflict-of-interest). */
public enum ConflictOfInterest implements FormChoice {
    NONE("none"),
    DECLARED("declared");

    private final String value;

    ConflictOfInterest(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
