package org.twinflow.proposal;

/**
 * Where a proposal stands. The process instance is the source of truth; listeners in the BPMN
 * keep this column in step, in the same transaction, so that pages can list proposals cheaply.
 */
public enum ProposalStatus {
    DRAFT(false),
    SUBMITTED(false),
    INELIGIBLE(true),
    IN_SCREENING(false),
    CLARIFICATION_REQUESTED(false),
    WITHDRAWN(true),
    AWAITING_REVIEWERS(false),
    IN_REVIEW(false),
    IN_DECISION(false),
    /** Reviewed; waits with the other proposals of its competitive call for the committee's funding decision. */
    AWAITING_FUNDING_DECISION(false),
    /** Not funded for now: first in line, in the committee's order, when money of the call is freed. */
    ON_RESERVE_LIST(false),
    APPROVED(false),
    REVISION_REQUESTED(false),
    REJECTED(true),
    AGREEMENT_PENDING(false),
    AGREEMENT_IN_VERIFICATION(false),
    IN_IMPLEMENTATION(false),
    FINAL_REPORTING(false),
    CLOSED(true),
    CANCELLED(true);

    private final boolean terminal;

    ProposalStatus(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
