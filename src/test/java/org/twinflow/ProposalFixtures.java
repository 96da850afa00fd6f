package org.twinflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.twinflow.city.City;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.proposal.ExpectedResult;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.PartnerRole;
import org.twinflow.proposal.PartnershipType;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.process.ProposalProcess;

/**
 * Named test data for the Spring Boot integration tests: an Indonesian municipality proposing a
 * sustainable-mobility partnership with a Japanese city, complete and eligible under the default call
 * (18 months, EUR 150,000 budget of which 90,000 requested and 60,000 co-financed).
 */
public final class ProposalFixtures {

    /** The call migration V013 creates (OPEN-2026, rolling, open until 2030): the first row of a new database. */
    public static final Long FIRST_CALL_ID = 1L;

    private ProposalFixtures() {
    }

    /** Semarang, Central Java: the lead city, verified by the secretariat. */
    public static City semarang(Instant now) {
        return new City("Semarang", "ID", "Central Java", LocalGovernmentType.MUNICIPALITY, 1_650_000L,
                "Rina Wulandari", "kerja.sama@semarang.example", now).verifiedBySecretariat(now);
    }

    /** Toyama, known for its light rail and compact-city policy: the partner abroad. */
    public static PartnerCity toyama() {
        return new PartnerCity("Toyama", "JP", PartnerRole.CO_LEAD, "international@toyama.example");
    }

    /** A complete, eligible proposal of the lead city with Toyama, starting on the first of the month after next. */
    public static ProposalDraft semarangToyamaMobility(Long leadCityId, LocalDate today) {
        return mobilityProposal(leadCityId, today, "Light rail and compact city planning exchange Semarang–Toyama",
                List.of(toyama()));
    }

    /** The same proposal with another title and other partners. */
    public static ProposalDraft mobilityProposal(Long leadCityId, LocalDate today, String title, List<PartnerCity> partners) {
        return new ProposalDraft(FIRST_CALL_ID, leadCityId, PartnershipType.DECENTRALISED_COOPERATION, ThematicArea.MOBILITY, title,
                "Transport planners of both cities exchange practice on light rail, feeder buses and transit-oriented development.",
                "1. Train transport planners in transit-oriented development.\n2. Pilot a feeder-bus route in the lead city.\n"
                        + "3. Publish a shared toolkit for mid-sized Asian cities.",
                "Study visits, two joint workshops, a pilot feeder-bus route, toolkit.",
                today.plusMonths(2).withDayOfMonth(1), 18,
                new BigDecimal("150000.00"), new BigDecimal("90000.00"), new BigDecimal("60000.00"), "EUR",
                partners, List.of(11, 13),
                List.of(new ExpectedResult("Transport planners trained in transit-oriented development",
                        "Officials trained", "30")));
    }

    /** The same proposal to another call, in the given thematic area (a call covers only some areas). */
    public static ProposalDraft inCall(ProposalDraft d, Long callId, ThematicArea area) {
        return new ProposalDraft(callId, d.leadCityId(), d.partnershipType(), area, d.title(), d.summary(), d.objectives(), d.activities(),
                d.startDate(), d.durationMonths(), d.totalBudget(), d.requestedAmount(), d.coFinancing(), d.currency(), d.partners(),
                d.sdgs(), d.expectedResults());
    }

    /** A reviewer's scoring form: the same score for every criterion, a comment, "fund". */
    public static java.util.Map<String, Object> scores(int score, String comment) {
        return java.util.Map.of(ProposalProcess.Vars.SCORE_RELEVANCE, score, ProposalProcess.Vars.SCORE_SDG_CONTRIBUTION, score,
                ProposalProcess.Vars.SCORE_FEASIBILITY, score, ProposalProcess.Vars.SCORE_PARTNERSHIP_QUALITY, score,
                ProposalProcess.Vars.SCORE_SUSTAINABILITY, score, ProposalProcess.Vars.REVIEW_COMMENT, comment,
                ProposalProcess.Vars.RECOMMENDATION, "fund");
    }
}
