package org.twinflow.portal.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.twinflow.call.CallDates;
import org.twinflow.call.CallDeadlineExtension;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallPhase;
import org.twinflow.call.CallService;
import org.twinflow.city.Countries;
import org.twinflow.proposal.ThematicArea;

/** Calls as their pages show them ({@link CallView}), at the application's present moment. */
@Component
public class CallViews {

    private final CallService calls;
    private final Clock clock;

    CallViews(CallService calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /** The published calls that have not closed: those open now (soonest deadline first) and those coming (soonest opening first). */
    public record Published(List<CallView> open, List<CallView> upcoming) {
    }

    public Published published(Locale locale) {
        Instant now = clock.instant();
        List<CallForProposals> calls = this.calls.openAndUpcoming();
        return new Published(
                calls.stream().filter(c -> c.phaseAt(now) == CallPhase.OPEN).map(c -> of(c, now, locale, List.of())).toList(),
                calls.stream().filter(c -> c.phaseAt(now) == CallPhase.UPCOMING).sorted(Comparator.comparing(CallForProposals::getOpensAt))
                        .map(c -> of(c, now, locale, List.of())).toList());
    }

    /** The call with its deadline extensions (the lists of calls leave them out). */
    public CallView of(CallForProposals call, Locale locale) {
        return of(call, clock.instant(), locale, calls.extensionsOf(call.getId()));
    }

    private static CallView of(CallForProposals call, Instant now, Locale locale, List<CallDeadlineExtension> extensions) {
        CallPhase phase = call.phaseAt(now);
        return new CallView(call.getReference(), call.getTitle(), call.getDescription(), call.getMode(), phase,
                Arrays.stream(ThematicArea.values()).filter(call.getThematicAreas()::contains).toList(),
                List.copyOf(call.getSdgs()),
                call.getLeadCountries().stream().map(code -> Countries.name(code, locale)).sorted().toList(),
                CallForm.REQUIRABLE_DOCUMENTS.stream().filter(call.getRequiredDocuments()::contains).toList(),
                CallDates.format(call.getOpensAt(), call.getTimeZone()), CallDates.format(call.getClosesAt(), call.getTimeZone()),
                call.getTimeZone().getId(), call.getBudget(), call.getCurrency(), call.getMaxRequestedAmount(),
                call.getMaxFundingShare().movePointRight(2).stripTrailingZeros().toPlainString(), call.getMinDurationMonths(),
                call.getMaxDurationMonths(), call.getReviewerCount(), (int) call.getReportingInterval().toTotalMonths(),
                phase == CallPhase.OPEN ? timeLeft(now, call.getClosesAt()) : null,
                extensions.stream().map(e -> new CallView.Extension(CallDates.format(e.previousClosesAt(), call.getTimeZone()),
                        CallDates.format(e.newClosesAt(), call.getTimeZone()), e.reason(), e.extendedBy(),
                        CallDates.format(e.extendedAt(), call.getTimeZone()))).toList());
    }

    private static CallView.TimeLeft timeLeft(Instant now, Instant deadline) {
        Duration left = Duration.between(now, deadline);
        return new CallView.TimeLeft(left.toDays(), left.toHoursPart());
    }
}
