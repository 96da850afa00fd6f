package org.twinflow.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What an applicant writes into a proposal; any field but the lead city, type and title may still be empty. */
public record ProposalDraft(
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
