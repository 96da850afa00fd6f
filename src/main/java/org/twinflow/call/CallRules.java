package org.twinflow.call;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Set;

import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.ThematicArea;

/**
 * What a proposal to a call must respect, and how it is worked: the inputs of the proposal form's checks and of the
 * eligibility decision, the reviewers it needs and how often it reports. Empty {@code sdgs} or {@code leadCountries}:
 * any.
 */
public record CallRules(
        Long callId,
        String reference,
        CallMode mode,
        Set<ThematicArea> thematicAreas,
        Set<Integer> sdgs,
        Set<String> leadCountries,
        Set<DocumentKind> requiredDocuments,
        String currency,
        BigDecimal budget,
        BigDecimal maxRequestedAmount,
        BigDecimal maxFundingShare,
        int minDurationMonths,
        int maxDurationMonths,
        int reviewerCount,
        Period reportingInterval) {

    public boolean acceptsLeadCountry(String countryCode) {
        return leadCountries.isEmpty() || (countryCode != null && leadCountries.contains(countryCode.toUpperCase()));
    }
}
