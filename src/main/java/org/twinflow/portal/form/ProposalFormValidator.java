package org.twinflow.portal.form;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.twinflow.call.CallRules;
import org.twinflow.city.Countries;
import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.Sdg;

/**
 * The rules of the proposal form that involve more than one field, run after Bean Validation, against the rules of
 * the proposal's call. Always: SDG numbers 1–17, partner countries from ISO 3166, an end date only with a start date
 * and after it, a thematic area of the call. On submission also: requested amount + co-financing = total budget, the
 * call's limits (duration, requested amount, funding share), the SDGs it targets and the countries that may lead in it,
 * which the eligibility decision would otherwise refuse, and the documents the call requires.
 */
@Component
class ProposalFormValidator {

    /** The file input of each document a call may require. */
    static final Map<DocumentKind, String> INPUT_OF_DOCUMENT = Map.of(DocumentKind.LETTER_OF_INTENT, "letterOfIntent",
            DocumentKind.COUNCIL_RESOLUTION, "councilResolution", DocumentKind.PARTNER_COMMITMENT, "partnerCommitments");

    /**
     * @param leadCountry the lead city's country (ISO code)
     * @param attached the kinds of document the proposal has: stored before, or chosen in this request (checked on submission)
     */
    void validate(ProposalForm form, Errors errors, boolean submission, CallRules call, String leadCountry, Set<DocumentKind> attached) {
        if (form.getThematicArea() != null && !call.thematicAreas().contains(form.getThematicArea())
                && !errors.hasFieldErrors("thematicArea")) {
            errors.rejectValue("thematicArea", "CallArea", new Object[] {call.reference()}, "Not an area of the call");
        }
        if (form.getSdgs().stream().anyMatch(n -> !Sdg.isValid(n))) {
            errors.rejectValue("sdgs", "Sdg", new Object[] {Sdg.FIRST, Sdg.LAST}, "Unknown SDG");
        }
        for (int i = 0; i < form.getPartners().size(); i++) {
            String country = form.getPartners().get(i).getCountryCode();
            String field = "partners[" + i + "].countryCode";
            if (country != null && !country.isBlank() && !Countries.isKnown(country) && !errors.hasFieldErrors(field)) {
                errors.rejectValue(field, "Country", "Unknown country");
            }
        }
        validateDates(form, errors, submission, call);
        if (submission) {
            validateBudget(form, errors, call);
            validateDocuments(errors, call, attached);
            if (!call.sdgs().isEmpty() && !form.getSdgs().isEmpty() && form.getSdgs().stream().noneMatch(call.sdgs()::contains)
                    && !errors.hasFieldErrors("sdgs")) {
                errors.rejectValue("sdgs", "CallSdg", new Object[] {call.reference(), call.sdgs().stream().sorted().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", "))}, "None of the call's SDGs");
            }
            if (!call.acceptsLeadCountry(leadCountry)) {
                errors.reject("CallLeadCountry", new Object[] {call.reference(), String.join(", ", new java.util.TreeSet<>(call.leadCountries()))},
                        "The lead city's country cannot lead in this call");
            }
        }
    }

    /**
     * Dates a project can have: the same range on every database (H2 would store year 99999, MySQL refuses
     * it), and wide enough for any real project.
     */
    static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    private static void validateDates(ProposalForm form, Errors errors, boolean submission, CallRules call) {
        rejectOutOfRange(form.getStartDate(), "startDate", errors);
        rejectOutOfRange(form.getEndDate(), "endDate", errors);
        LocalDate start = form.getStartDate();
        LocalDate end = form.getEndDate();
        if (end == null || errors.hasFieldErrors("endDate") || errors.hasFieldErrors("startDate")) {
            return;
        }
        if (start == null) {
            errors.rejectValue("endDate", "NeedsStart", "Give the start date too");
            return;
        }
        if (!end.isAfter(start)) {
            errors.rejectValue("endDate", "AfterStart", "The end date must be after the start date");
            return;
        }
        int months = durationMonths(start, end);
        if (submission && (months < call.minDurationMonths() || months > call.maxDurationMonths())) {
            errors.rejectValue("endDate", "Duration", new Object[] {months, call.minDurationMonths(), call.maxDurationMonths()},
                    "Duration outside the call's limits");
        }
    }

    private static void rejectOutOfRange(LocalDate date, String field, Errors errors) {
        if (date != null && !errors.hasFieldErrors(field) && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            errors.rejectValue(field, "DateRange", new Object[] {EARLIEST_DATE.getYear(), LATEST_DATE.getYear()},
                    "Date outside " + EARLIEST_DATE + " – " + LATEST_DATE);
        }
    }

    private static void validateBudget(ProposalForm form, Errors errors, CallRules call) {
        BigDecimal total = form.getTotalBudget();
        BigDecimal requested = form.getRequestedAmount();
        BigDecimal coFinancing = form.getCoFinancing();
        if (total == null || requested == null || coFinancing == null
                || errors.hasFieldErrors("totalBudget") || errors.hasFieldErrors("requestedAmount") || errors.hasFieldErrors("coFinancing")) {
            return;
        }
        if (requested.add(coFinancing).compareTo(total) != 0) {
            errors.rejectValue("totalBudget", "BudgetSum", "Requested amount and co-financing must add up to the total budget");
        }
        if (requested.compareTo(call.maxRequestedAmount()) > 0) {
            errors.rejectValue("requestedAmount", "CallMax", new Object[] {call.maxRequestedAmount(), call.currency()},
                    "Above the call's maximum");
        } else if (requested.divide(total, 4, RoundingMode.HALF_UP).compareTo(call.maxFundingShare()) > 0) {
            errors.rejectValue("requestedAmount", "FundingShare", new Object[] {call.maxFundingShare().movePointRight(2).stripTrailingZeros()
                    .toPlainString()}, "Above the call's funding share");
        }
    }

    private static void validateDocuments(Errors errors, CallRules call, Set<DocumentKind> attached) {
        call.requiredDocuments().stream().filter(kind -> !attached.contains(kind)).sorted().forEach(kind -> {
            String input = INPUT_OF_DOCUMENT.get(kind);
            if (input != null && !errors.hasFieldErrors(input)) {
                errors.rejectValue(input, "CallDocument", new Object[] {call.reference()}, "Required by the call");
            }
        });
    }

    /**
     * The domain stores start date and duration: the duration is the number of months from the start
     * date that reach the end date, rounded up to a whole month (1 March – 15 April is 2 months).
     */
    static int durationMonths(LocalDate start, LocalDate end) {
        int months = (int) Period.between(start, end).toTotalMonths();
        return start.plusMonths(months).isBefore(end) ? months + 1 : months;
    }
}
