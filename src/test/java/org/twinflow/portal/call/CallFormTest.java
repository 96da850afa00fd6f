package org.twinflow.portal.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.twinflow.CallFixtures;
import org.twinflow.call.CallDraft;
import org.twinflow.system.CallProperties;

/** The call form's translation between what the secretariat types and the call the service stores, without Spring. */
class CallFormTest {

    @Test
    void shouldReadDatesInTheCallsTimeZoneAndTheShareInPercent() {
        // given a call typed in Jakarta time: opening 1 March 2027 at 09:00, closing 31 March at 17:00, 75 %
        CallForm form = CallForm.of(CallFixtures.climateCall("2027-CR", Instant.parse("2027-01-01T00:00:00Z"), Duration.ofDays(1)));
        form.setOpensDate(LocalDate.of(2027, 3, 1));
        form.setOpensTime(LocalTime.of(9, 0));
        form.setClosesDate(LocalDate.of(2027, 3, 31));
        form.setClosesTime(LocalTime.of(17, 0));
        form.setMaxFundingSharePercent(new BigDecimal("75"));
        form.setLeadCountries(" id, ph;TH  vn ,");

        // when it becomes a draft
        CallDraft draft = form.toDraft(null);

        // then the instants are Jakarta's (UTC+7), the share a fraction, the countries codes
        assertThat(draft.opensAt()).isEqualTo(Instant.parse("2027-03-01T02:00:00Z"));
        assertThat(draft.closesAt()).isEqualTo(Instant.parse("2027-03-31T10:00:00Z"));
        assertThat(draft.maxFundingShare()).isEqualByComparingTo("0.75");
        assertThat(draft.leadCountries()).containsExactlyInAnyOrder("ID", "PH", "TH", "VN");
        assertThat(draft.reportingInterval()).isEqualTo(Period.ofMonths(6));
    }

    @Test
    void shouldKeepTheExactInstantOfADateLeftAsItWasShown() {
        // given a published call that opened at 10:15:42.5, shown to the minute
        Instant opened = Instant.parse("2027-01-10T03:15:42.500Z");
        CallDraft stored = CallFixtures.climateCall("2027-CR", Instant.parse("2027-01-10T03:15:00Z"), Duration.ofDays(30));
        stored = new CallDraft(stored.reference(), stored.title(), stored.description(), stored.mode(), stored.thematicAreas(),
                stored.sdgs(), stored.leadCountries(), stored.requiredDocuments(), opened, stored.closesAt(), stored.timeZone(),
                stored.budget(), stored.currency(), stored.maxRequestedAmount(), stored.maxFundingShare(), stored.minDurationMonths(),
                stored.maxDurationMonths(), stored.reviewerCount(), stored.reportingInterval());
        CallForm form = CallForm.of(stored);
        assertThat(form.getOpensTime()).isEqualTo(LocalTime.of(10, 15));

        // when saved unchanged, then the opening stays the instant it was, so the dates did not move
        assertThat(form.toDraft(stored).opensAt()).isEqualTo(opened);
        // and when the time is changed, it is the time typed
        form.setOpensTime(LocalTime.of(11, 0));
        assertThat(form.toDraft(stored).opensAt()).isEqualTo(Instant.parse("2027-01-10T04:00:00Z"));
    }

    @Test
    void shouldStartANewCallFromTheConfigurationOpeningTomorrow() {
        CallProperties defaults = new CallProperties(6, 36, new BigDecimal("150000"), new BigDecimal("0.8"), "EUR",
                new BigDecimal("1000000"), ZoneId.of("Asia/Manila"), "PH,ID", 2, Period.ofMonths(6), Duration.ofHours(6),
                Period.ofMonths(12));

        CallForm form = CallForm.withDefaults(defaults, Instant.parse("2027-01-10T20:00:00Z"));

        // 20:00 UTC is already the 11th in Manila: the call opens on the 12th
        assertThat(form.getOpensDate()).isEqualTo(LocalDate.of(2027, 1, 12));
        assertThat(form.getTimeZone()).isEqualTo("Asia/Manila");
        assertThat(form.getMaxFundingSharePercent()).hasToString("80");
        assertThat(form.getLeadCountries()).isEqualTo("PH,ID");
        assertThat(form.getReportingIntervalMonths()).isEqualTo(6);
        assertThat(form.timeZonesOffered()).contains("UTC", "Asia/Jakarta", "Asia/Manila", "Europe/Brussels", "America/Sao_Paulo");
    }

    @Test
    void shouldOfferTheCallsOwnTimeZoneWhenItIsNotAmongTheUsualOnes() {
        CallForm form = new CallForm();
        form.setTimeZone("Pacific/Fiji");
        assertThat(form.timeZonesOffered()).contains("Pacific/Fiji", "UTC");

        form.setTimeZone("Mars/Olympus_Mons");
        assertThat(form.zone()).isNull();
        assertThat(form.timeZonesOffered()).doesNotContain("Mars/Olympus_Mons");
    }
}
