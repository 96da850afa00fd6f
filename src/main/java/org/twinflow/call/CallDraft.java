package org.twinflow.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Set;

import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.ThematicArea;

/** What the secretariat writes into a call; {@link CallService} checks it as a whole ({@link CallDraftCheck}). */
public record CallDraft(
        String reference,
        String title,
        String description,
        CallMode mode,
        Set<ThematicArea> thematicAreas,
        Set<Integer> sdgs,
        Set<String> leadCountries,
        Set<DocumentKind> requiredDocuments,
        Instant opensAt,
        Instant closesAt,
        ZoneId timeZone,
        BigDecimal budget,
        String currency,
        BigDecimal maxRequestedAmount,
        BigDecimal maxFundingShare,
        Integer minDurationMonths,
        Integer maxDurationMonths,
        Integer reviewerCount,
        Period reportingInterval) {

    public CallDraft {
        thematicAreas = thematicAreas == null ? Set.of() : Set.copyOf(thematicAreas);
        sdgs = sdgs == null ? Set.of() : Set.copyOf(sdgs);
        leadCountries = leadCountries == null ? Set.of() : Set.copyOf(leadCountries.stream().map(String::toUpperCase).toList());
        requiredDocuments = requiredDocuments == null ? Set.of() : Set.copyOf(requiredDocuments);
    }

    /** The same draft under another reference (a call's reference never changes once created). */
    public CallDraft withReference(String newReference) {
        return new CallDraft(newReference, title, description, mode, thematicAreas, sdgs, leadCountries, requiredDocuments, opensAt,
                closesAt, timeZone, budget, currency, maxRequestedAmount, maxFundingShare, minDurationMonths, maxDurationMonths,
                reviewerCount, reportingInterval);
    }
}
