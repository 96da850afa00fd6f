package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.twinflow.system.CallProperties;

/** The proposal form's cross-field rules, without Spring. */
class ProposalFormValidatorTest {

    final ProposalFormValidator validator = new ProposalFormValidator(
            new CallProperties(6, 36, new BigDecimal("150000"), new BigDecimal("0.8"), "EUR"));

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
        validator.validate(form, draft, false);
        assertThat(draft.hasErrors()).isFalse();
        var submission = new BeanPropertyBindingResult(form, "proposalForm");
        validator.validate(form, submission, true);
        assertThat(submission.getFieldError("endDate").getCode()).isEqualTo("Duration");
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
        validator.validate(form, result, true);
        assertThat(result.getFieldError("requestedAmount").getCode()).isEqualTo("FundingShare");
        assertThat(result.getFieldError("totalBudget")).isNull();
    }
}
