package org.twinflow.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.call.CallDates;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ProposalListings;

/**
 * "My proposals" in a fixed number of queries whatever the number of proposals: the city's proposals with their
 * calls and partner cities ({@link ProposalListings}) and what each owes (one query per stage, {@link ApplicantActionFinder}).
 */
@Component
class MyProposalsFinder {

    private final ProposalListings listings;
    private final ApplicantActionFinder actions;
    private final Clock clock;

    MyProposalsFinder(ProposalListings listings, ApplicantActionFinder actions, Clock clock) {
        this.listings = listings;
        this.actions = actions;
        this.clock = clock;
    }

    /** The city's proposals, drafts included, most recently changed first; partner countries named in the given locale. */
    @Transactional(readOnly = true)
    List<MyProposalsRow> proposalsOf(Long cityId, Locale locale) {
        Map<Long, ApplicantAction> pending = actions.forCity(cityId);
        Instant now = clock.instant();
        return listings.ofCity(cityId).stream()
                .map(p -> new MyProposalsRow(p.id(), p.reference(), p.title(),
                        p.partners().stream().map(place -> ProposalPageModel.cityWithCountry(place.cityName(), place.countryCode(), locale)).toList(),
                        p.status(), p.updatedAt(), pending.get(p.id()), p.call().reference(), p.call().title(),
                        CallDates.format(p.call().closesAt(), p.call().timeZone()), !now.isBefore(p.call().closesAt())))
                .toList();
    }
}
