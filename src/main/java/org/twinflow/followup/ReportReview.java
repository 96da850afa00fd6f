package org.twinflow.followup;

import org.twinflow.process.FormChoice;

/** How the secretariat answers a progress or final report (forms review-progress-report, evaluate-final-report). */
public enum ReportReview implements FormChoice {
    ACCEPT("accept"),
    REQUEST_CHANGES("request_changes");

    private final String value;

    ReportReview(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
