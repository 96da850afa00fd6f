package org.twinflow.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What the eligibility decision needs to know about a submitted proposal, read in one query when the
 * process checks eligibility: it travels as transient inputs of the decision, not as process variables.
 */
public record EligibilityFacts(Long callId, String applicantType, String leadCountry, int foreignPartnerCount, String thematicArea,
        int sdgCount, Integer durationMonths, BigDecimal requestedAmount, BigDecimal totalBudget) {

    /** Requested amount as a share of the total budget; 1 when there is no budget to share (as {@link Proposal#fundingShare()}). */
    public double fundingShare() {
        if (totalBudget == null || totalBudget.signum() <= 0 || requestedAmount == null) {
            return 1.0;
        }
        return requestedAmount.divide(totalBudget, 4, RoundingMode.HALF_UP).doubleValue();
    }
}
