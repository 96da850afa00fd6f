package org.twinflow.funding;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reviewed proposal of a competitive call waiting for the funding decision: what the ranking orders by and what the
 * committee sees. {@code score} and {@code spread} are null for a proposal without aggregated scores.
 */
public record FundingCandidate(Long proposalId, String reference, String title, String city, BigDecimal score, BigDecimal spread,
        BigDecimal requestedAmount, Instant submittedAt) {

    public BigDecimal requested() {
        return requestedAmount == null ? BigDecimal.ZERO : requestedAmount;
    }
}
