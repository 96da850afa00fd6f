package org.twinflow.call;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.twinflow.proposal.Sdg;

/** What makes a call coherent, whoever writes it (the staff pages check the same before they call the service). */
final class CallDraftCheck {

    private static final Pattern REFERENCE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,19}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private CallDraftCheck() {
    }

    static List<CallProblem> problems(CallDraft d) {
        List<CallProblem> problems = new ArrayList<>();
        if (d.reference() == null || !REFERENCE.matcher(d.reference()).matches()) {
            problems.add(new CallProblem("reference", "2 to 20 capital letters, digits and hyphens, such as 2027-CR"));
        }
        if (blank(d.title())) {
            problems.add(new CallProblem("title", "A call needs a title"));
        } else if (d.title().length() > 200) {
            problems.add(new CallProblem("title", "At most 200 characters"));
        }
        if (blank(d.description())) problems.add(new CallProblem("description", "Tell applicants what the call is for"));
        if (d.mode() == null) problems.add(new CallProblem("mode", "Choose competitive or rolling"));
        if (d.thematicAreas().isEmpty()) problems.add(new CallProblem("thematicAreas", "Choose at least one thematic area"));
        if (d.sdgs().stream().anyMatch(n -> !Sdg.isValid(n))) problems.add(new CallProblem("sdgs", "SDGs are numbered 1 to 17"));
        if (d.leadCountries().stream().anyMatch(c -> !COUNTRY.matcher(c).matches())) {
            problems.add(new CallProblem("leadCountries", "Two-letter ISO country codes, such as ID or FR"));
        }
        if (d.opensAt() == null) problems.add(new CallProblem("opensAt", "When does the call open?"));
        if (d.closesAt() == null) problems.add(new CallProblem("closesAt", "When does the call close?"));
        if (d.opensAt() != null && d.timeZone() != null && !CallDates.withinYears(d.opensAt(), d.timeZone())) {
            problems.add(new CallProblem("opensAt", CallDates.yearsProblem()));
        }
        if (d.closesAt() != null && d.timeZone() != null && !CallDates.withinYears(d.closesAt(), d.timeZone())) {
            problems.add(new CallProblem("closesAt", CallDates.yearsProblem()));
        }
        if (d.opensAt() != null && d.closesAt() != null && !d.closesAt().isAfter(d.opensAt())) {
            problems.add(new CallProblem("closesAt", "The call must close after it opens"));
        }
        if (d.timeZone() == null) problems.add(new CallProblem("timeZone", "Choose the time zone the call's dates are given in"));
        if (d.currency() == null || !CURRENCY.matcher(d.currency()).matches()) {
            problems.add(new CallProblem("currency", "A three-letter ISO currency code, such as EUR"));
        }
        if (!positive(d.budget())) problems.add(new CallProblem("budget", "The budget must be more than zero"));
        if (!positive(d.maxRequestedAmount())) {
            problems.add(new CallProblem("maxRequestedAmount", "The largest request must be more than zero"));
        } else if (positive(d.budget()) && d.maxRequestedAmount().compareTo(d.budget()) > 0) {
            problems.add(new CallProblem("maxRequestedAmount", "The largest request cannot be more than the call's budget"));
        }
        if (!positive(d.maxFundingShare()) || d.maxFundingShare().compareTo(BigDecimal.ONE) > 0) {
            problems.add(new CallProblem("maxFundingShare", "The largest funding share lies above 0 % and at most 100 %"));
        }
        if (d.minDurationMonths() == null || d.minDurationMonths() < 1) {
            problems.add(new CallProblem("minDurationMonths", "At least one month"));
        }
        if (d.maxDurationMonths() == null || d.maxDurationMonths() < 1 || d.maxDurationMonths() > 120) {
            problems.add(new CallProblem("maxDurationMonths", "Between 1 and 120 months"));
        } else if (d.minDurationMonths() != null && d.maxDurationMonths() < d.minDurationMonths()) {
            problems.add(new CallProblem("maxDurationMonths", "The longest duration cannot be shorter than the shortest"));
        }
        if (d.reviewerCount() == null || d.reviewerCount() < 1 || d.reviewerCount() > 10) {
            problems.add(new CallProblem("reviewerCount", "Between 1 and 10 reviewers per proposal"));
        }
        Period interval = d.reportingInterval();
        if (interval == null || interval.isNegative() || interval.isZero() || interval.toTotalMonths() > 24) {
            problems.add(new CallProblem("reportingInterval", "A progress report every 1 to 24 months"));
        }
        return problems;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean positive(BigDecimal amount) {
        return amount != null && amount.signum() > 0;
    }
}
