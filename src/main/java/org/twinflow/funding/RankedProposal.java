package org.twinflow.funding;

import java.math.BigDecimal;

/**
 * A candidate at its place in the ranking (1 = best), with the requested amounts of it and every better-ranked one
 * ({@code runningTotal}) and whether that still fits the call's budget.
 */
public record RankedProposal(int rank, FundingCandidate candidate, BigDecimal runningTotal, boolean withinBudget) {

    /** The proposal's page for staff. */
    public String link() {
        return "/staff/proposals/" + candidate.reference();
    }
}
