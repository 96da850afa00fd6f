package org.twinflow.proposal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a notice about a proposal says about it and whom it goes to, read in one query (the proposal's
 * row and its lead city's), rather than the whole aggregate with its partners, SDGs and results.
 */
public record ProposalNoticeFacts(Long id, String reference, String title, String cityName, String contactEmail,
        String contactName, String eligibilityReasons, String decisionFeedback, String decisionConditions,
        BigDecimal scoreOverall, Instant decidedAt, Instant revisionDueAt, Instant agreementDueAt) {

    public List<String> eligibilityReasonList() {
        return eligibilityReasons == null || eligibilityReasons.isBlank() ? List.of() : List.of(eligibilityReasons.split(","));
    }

    /** The revision's deadline, by {@link Proposal#revisionDue(Instant, Instant, Duration)}. */
    public Instant revisionDue(Duration period) {
        return Proposal.revisionDue(revisionDueAt, decidedAt, period);
    }

    /** The agreement's deadline, by {@link Proposal#agreementDue(Instant, Instant, Duration)}. */
    public Instant agreementDue(Duration period) {
        return Proposal.agreementDue(agreementDueAt, decidedAt, period);
    }
}
