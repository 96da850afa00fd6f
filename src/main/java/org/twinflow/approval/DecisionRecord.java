package org.twinflow.approval;

import java.time.Instant;

/**
 * The committee's latest decision on a proposal, as the approval stage keeps it (table {@code proposal_decision}):
 * the decision, its conditions and feedback for the applicant, when it was taken and, for a return for revision, the
 * revised proposal's deadline (null until the process armed its timer, and for returns of process version 1.3 and
 * earlier).
 */
public record DecisionRecord(Long proposalId, Decision decision, String conditions, String feedback, Instant decidedAt,
        Instant revisionDueAt) {

    /**
     * The revised proposal's deadline: the one stored when the revision was requested, or for a proposal returned
     * before revision deadlines were stored (process version 1.3 and earlier, whose timer counts from the decision)
     * the decision plus {@code period}.
     */
    public Instant revisionDue(java.time.Duration period) {
        return revisionDueAt != null ? revisionDueAt : decidedAt.plus(period);
    }
}
