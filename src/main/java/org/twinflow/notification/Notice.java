package org.twinflow.notification;

/** Everything Twinflow tells a person about a proposal, and who is told. */
public enum Notice {
    PROPOSAL_RECEIVED(Audience.APPLICANT),
    PROPOSAL_INELIGIBLE(Audience.APPLICANT),
    CLARIFICATION_REQUESTED(Audience.APPLICANT),
    CLARIFICATION_REMINDER(Audience.APPLICANT),
    PROPOSAL_WITHDRAWN(Audience.APPLICANT),
    REVIEW_REMINDER(Audience.REVIEWER),
    REVIEW_OVERDUE(Audience.REVIEWER),
    REVIEW_ESCALATED(Audience.SECRETARIAT),
    REVIEW_EXTENDED(Audience.REVIEWER),
    REVIEW_WITHDRAWN(Audience.REVIEWER),
    PROPOSAL_APPROVED(Audience.APPLICANT),
    REVISION_REQUESTED(Audience.APPLICANT),
    PROPOSAL_REJECTED(Audience.APPLICANT),
    AGREEMENT_DUE(Audience.APPLICANT),
    AGREEMENT_REJECTED(Audience.APPLICANT),
    AGREEMENT_REMINDER(Audience.APPLICANT),
    AGREEMENT_OVERDUE(Audience.SECRETARIAT),
    AGREEMENT_EXTENDED(Audience.APPLICANT),
    PARTNERSHIP_CANCELLED(Audience.APPLICANT),
    REPORT_DUE(Audience.APPLICANT),
    REPORT_OVERDUE(Audience.APPLICANT),
    REPORT_ESCALATED(Audience.SECRETARIAT),
    REPORT_CHANGES_REQUESTED(Audience.APPLICANT),
    FINAL_REPORT_DUE(Audience.APPLICANT),
    PARTNERSHIP_CLOSED(Audience.APPLICANT),
    /** To the city of a draft in a call that closes soon (7 days and 1 day before). */
    CALL_CLOSING_SOON(Audience.APPLICANT),
    /** To the city of a draft in a call whose deadline the secretariat extended. */
    CALL_DEADLINE_EXTENDED(Audience.APPLICANT),
    /** The committee put the proposal on its call's reserve list. */
    PROPOSAL_ON_RESERVE_LIST(Audience.APPLICANT);

    /** Who receives a notice. */
    public enum Audience {
        APPLICANT, REVIEWER, SECRETARIAT
    }

    private final Audience audience;

    Notice(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }
}
