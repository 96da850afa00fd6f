package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.twinflow.call.CallMode;
import org.twinflow.call.CallRules;
import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.ThematicArea;

/** The proposal form's cross-field rules against the rules of the proposal's call, without Spring. */
class ProposalFormValidatorTest {

    /** A climate call: 6 to 36 months, at most 150,000 EUR and 80 %, a council resolution required. */
    static final CallRules CLIMATE_CALL = new CallRules(7L, "2027-CR", CallMode.COMPETITIVE,
            EnumSet.of(ThematicArea.CLIMATE_DRR, ThematicArea.SDG_LOCALISATION), Set.of(11, 13), Set.of(),
            EnumSet.of(DocumentKind.COUNCIL_RESOLUTION), "EUR", new BigDecimal("400000"), new BigDecimal("150000"), new BigDecimal("0.8"),
            6, 36, 2, Period.ofMonths(6));

    final ProposalFormValidator validator = new ProposalFormValidator();

    @Test
    void shouldCountTheDurationInWholeMonthsRoundedUp() {
        // given start dates and end dates, then the months from the start that reach the end
        assertThat(ProposalFormValidator.durationMonths(LocalDate.of(2027, 3, 1), LocalDate.of(2028, 9, 1))).isEqualTo(18);
        assertThat(ProposalFormValidator.durationMonths(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 15))).isEqualTo(2);
        assertThat(ProposalFormValidator.durationMonths(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28))).isEqualTo(1);
        assertThat(ProposalFormValidator.durationMonths(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 2))).isEqualTo(1);
    }

    @Test
    void shouldRefuseADurationOutsideTheCallOnlyOnSubmission() {
        // given a four-month project
        ProposalForm form = new ProposalForm();
        form.setStartDate(LocalDate.of(2027, 3, 1));
        form.setEndDate(LocalDate.of(2027, 7, 1));

        // when saved as draft, then it is fine; when submitted, the call's limit applies
        var draft = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, draft, false, CLIMATE_CALL, "ID", Set.of());
        assertThat(draft.hasErrors()).isFalse();
        var submission = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, submission, true, CLIMATE_CALL, "ID", Set.of(DocumentKind.COUNCIL_RESOLUTION));
        assertThat(submission.getFieldError("endDate").getCode()).isEqualTo("Duration");
        assertThat(submission.getFieldError("endDate").getArguments()).containsExactly(4, 6, 36);
    }

    @Test
    void shouldRefuseARequestAboveTheCallsFundingShare() {
        // given 130,000 requested of 150,000 (87 %, the call funds at most 80 %)
        ProposalForm form = new ProposalForm();
        form.setTotalBudget(new BigDecimal("150000"));
        form.setRequestedAmount(new BigDecimal("130000"));
        form.setCoFinancing(new BigDecimal("20000"));

        // when submitted, then the requested amount is refused
        var result = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, result, true, CLIMATE_CALL, "ID", Set.of(DocumentKind.COUNCIL_RESOLUTION));
        assertThat(result.getFieldError("requestedAmount").getCode()).isEqualTo("FundingShare");
        assertThat(result.getFieldError("totalBudget")).isNull();
    }

    @Test
    void shouldRefuseARequestAboveTheCallsMaximumNamingItsCurrency() {
        // given 160,000 requested of 400,000 (40 %, but above the call's 150,000)
        ProposalForm form = new ProposalForm();
        form.setTotalBudget(new BigDecimal("400000"));
        form.setRequestedAmount(new BigDecimal("160000"));
        form.setCoFinancing(new BigDecimal("240000"));

        var result = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, result, true, CLIMATE_CALL, "ID", Set.of(DocumentKind.COUNCIL_RESOLUTION));
        assertThat(result.getFieldError("requestedAmount").getCode()).isEqualTo("CallMax");
        assertThat(result.getFieldError("requestedAmount").getArguments()).containsExactly(new BigDecimal("150000"), "EUR");
    }

    @Test
    void shouldRefuseAThematicAreaOutsideTheCallEvenInADraft() {
        // given a mobility proposal to the climate call
        ProposalForm form = new ProposalForm();
        form.setThematicArea(ThematicArea.MOBILITY);

        // when saved as a draft, then the area is refused
        var result = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, result, false, CLIMATE_CALL, "ID", Set.of());
        assertThat(result.getFieldError("thematicArea").getCode()).isEqualTo("CallArea");
    }

    @Test
    void shouldAskForTheDocumentsTheCallRequiresOnSubmissionOnly() {
        ProposalForm form = new ProposalForm();

        // when saved as a draft without the council resolution, then that is fine
        var draft = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, draft, false, CLIMATE_CALL, "ID", Set.of(DocumentKind.LETTER_OF_INTENT));
        assertThat(draft.hasErrors()).isFalse();

        // when submitted without it, then the resolution's input says so; with it (stored before or chosen now), nothing
        var missing = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, missing, true, CLIMATE_CALL, "ID", Set.of(DocumentKind.LETTER_OF_INTENT));
        assertThat(missing.getFieldError("councilResolution").getCode()).isEqualTo("CallDocument");
        var attached = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, attached, true, CLIMATE_CALL, "ID", Set.of(DocumentKind.COUNCIL_RESOLUTION));
        assertThat(attached.hasErrors()).isFalse();
    }

    @Test
    void shouldRefuseOnSubmissionNoSdgOfTheCallAndALeadCountryOutsideIt() {
        // given a proposal for SDGs 5 and 6 of an Indonesian city, to a call for SDGs 11 and 13 led from the Philippines or Viet Nam
        CallRules call = new CallRules(CLIMATE_CALL.callId(), CLIMATE_CALL.reference(), CLIMATE_CALL.mode(), CLIMATE_CALL.thematicAreas(),
                Set.of(11, 13), Set.of("PH", "VN"), Set.of(), "EUR", CLIMATE_CALL.budget(), CLIMATE_CALL.maxRequestedAmount(),
                CLIMATE_CALL.maxFundingShare(), 6, 36, 2, java.time.Period.ofMonths(6));
        ProposalForm form = new ProposalForm();
        form.setSdgs(new java.util.ArrayList<>(java.util.List.of(5, 6)));

        // when saved as a draft, then nothing is said; when submitted, both are refused, naming the call's SDGs and countries
        var draft = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, draft, false, call, "ID", Set.of());
        assertThat(draft.hasErrors()).isFalse();
        var submission = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, submission, true, call, "ID", Set.of());
        assertThat(submission.getFieldError("sdgs").getCode()).isEqualTo("CallSdg");
        assertThat(submission.getFieldError("sdgs").getArguments()).containsExactly(call.reference(), "11, 13");
        assertThat(submission.getGlobalError().getCode()).isEqualTo("CallLeadCountry");
        assertThat(submission.getGlobalError().getArguments()).containsExactly(call.reference(), "PH, VN");

        // and a Philippine city's proposal with SDG 13 passes both
        form.setSdgs(new java.util.ArrayList<>(java.util.List.of(5, 13)));
        var fine = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, fine, true, call, "ph", Set.of());
        assertThat(fine.getFieldError("sdgs")).isNull();
        assertThat(fine.getGlobalErrors()).isEmpty();
    }
}
