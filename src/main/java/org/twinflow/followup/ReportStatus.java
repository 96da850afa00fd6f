package org.twinflow.followup;

/** Where a report stands. "Overdue" is not a status: it is a planned report past its due date. */
public enum ReportStatus {
    PLANNED, SUBMITTED, CHANGES_REQUESTED, ACCEPTED
}
