package org.twinflow.portal.call;

import java.math.BigDecimal;
import java.util.List;

import org.twinflow.call.CallMode;
import org.twinflow.call.CallPhase;
import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.ThematicArea;

/**
 * A call as its pages show it, the public's and the secretariat's alike: dates already written in the call's time zone
 * with UTC ({@code CallDates}), the funding share in percent, lead countries by name.
 *
 * @param timeLeft until the deadline, while the call is open; null otherwise
 */
public record CallView(String reference, String title, String description, CallMode mode, CallPhase phase,
        List<ThematicArea> thematicAreas, List<Integer> sdgs, List<String> leadCountries, List<DocumentKind> requiredDocuments,
        String opensAt, String closesAt, String timeZone, BigDecimal budget, String currency, BigDecimal maxRequestedAmount,
        String maxFundingSharePercent, int minDurationMonths, int maxDurationMonths, int reviewerCount, int reportingIntervalMonths,
        TimeLeft timeLeft, List<Extension> extensions) {

    /** Whole days and the hours beyond them. */
    public record TimeLeft(long days, long hours) {
    }

    /** A deadline extension as the call's pages list it. */
    public record Extension(String previousClosesAt, String newClosesAt, String reason, String extendedBy, String extendedAt) {
    }

    public boolean isOpen() {
        return phase == CallPhase.OPEN;
    }

    public boolean isClosed() {
        return phase == CallPhase.CLOSED;
    }

    public boolean isDraft() {
        return phase == CallPhase.DRAFT;
    }
}
