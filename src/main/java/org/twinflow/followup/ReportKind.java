package org.twinflow.followup;

/** Progress reports come once per reporting interval; the final report once, at the end. */
public enum ReportKind {
    PROGRESS, FINAL
}
