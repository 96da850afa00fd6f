package org.twinflow.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an applicant writes into a proposal; any field but the call, the lead city, type and title may still be empty.
 * The call is chosen when the draft is created and never changes.
 */
public record ProposalDraft(
        Long callId,
        Long leadCityId,
        PartnershipType partnershipType,
        ThematicArea thematicArea,
        String title,
        String summary,
        String objectives,
        String activities,
        LocalDate startDate,
        Integer durationMonths,
        BigDecimal totalBudget,
        BigDecimal requestedAmount,
        BigDecimal coFinancing,
        String currency,
        List<PartnerCity> partners,
        List<Integer> sdgs,
        List<ExpectedResult> expectedResults) {

    public ProposalDraft {
        partners = partners == null ? List.of() : List.copyOf(partners);
        sdgs = sdgs == null ? List.of() : List.copyOf(sdgs);
        expectedResults = expectedResults == null ? List.of() : List.copyOf(expectedResults);
    }
}
