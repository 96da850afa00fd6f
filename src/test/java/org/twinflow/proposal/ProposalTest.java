package org.twinflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProposalTest {

    private final Proposal proposal = new Proposal("TW-2026-0001", 1L, 1L, PartnershipType.TWINNING, "Bus rapid transit exchange",
            "EUR", Instant.parse("2026-11-01T00:00:00Z"));

    @Test
    void shouldCountOnlyPartnersInAnotherCountryThanTheLeadCity() {
        proposal.replacePartners(List.of(new PartnerCity("Kitakyushu", "JP", PartnerRole.CO_LEAD, null),
                new PartnerCity("Malang", "ID", PartnerRole.ASSOCIATE, null)));

        assertThat(proposal.foreignPartnerCount("ID")).isEqualTo(1);
        assertThat(proposal.foreignPartnerCount("id")).isEqualTo(1);
    }

    @Test
    void shouldComputeTheFundingShareAndTreatAMissingBudgetAsFullFunding() {
        proposal.budget(new BigDecimal("150000"), new BigDecimal("90000"), new BigDecimal("60000"));
        assertThat(proposal.fundingShare()).isEqualTo(0.6);

        proposal.budget(null, new BigDecimal("90000"), null);
        assertThat(proposal.fundingShare()).isEqualTo(1.0);
    }

    @Test
    void shouldKeepSdgsSortedAndRefuseUnknownOnes() {
        proposal.replaceSdgs(List.of(13, 11, 11));
        assertThat(proposal.sdgNumbers()).containsExactly(11, 13);

        assertThatThrownBy(() -> proposal.replaceSdgs(List.of(18))).hasMessageContaining("Unknown SDG 18");
        assertThat(proposal.sdgNumbers()).containsExactly(11, 13);
    }

    @Test
    void shouldEndDurationMonthsAfterTheStart() {
        proposal.plan(LocalDate.of(2027, 3, 1), 18);
        assertThat(proposal.endDate()).isEqualTo(LocalDate.of(2028, 9, 1));
    }

    @Test
    void shouldBeSubmittableOnlyAsDraftOrWhenRevisionWasRequested() {
        Instant now = Instant.parse("2026-11-02T00:00:00Z");
        proposal.markSubmitted(now);
        assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(proposal.getSubmittedAt()).isEqualTo(now);

        assertThatThrownBy(() -> proposal.markSubmitted(now)).isInstanceOf(IllegalStateException.class);

        proposal.moveTo(ProposalStatus.REVISION_REQUESTED, now);
        proposal.markSubmitted(now);
        assertThat(proposal.getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
    }
}
