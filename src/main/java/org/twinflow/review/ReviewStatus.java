package org.twinflow.review;

/** Where one reviewer's review of a proposal stands. */
public enum ReviewStatus {
    ASSIGNED,
    /** The reviewer declared a conflict of interest and does not score; a replacement is assigned. */
    CONFLICT_DECLARED,
    SUBMITTED,
    /** The review was overdue and the secretariat gave it to another reviewer. */
    WITHDRAWN
}
