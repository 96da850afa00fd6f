package org.twinflow.review;

import org.twinflow.process.FormChoice;

/** What the secretariat does with an overdue review (form handle-overdue-review). */
public enum OverdueReviewAction implements FormChoice {
    EXTEND("extend"),
    REASSIGN("reassign");

    private final String value;

    OverdueReviewAction(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
