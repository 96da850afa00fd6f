package org.twinflow.portal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.twinflow.proposal.ProposalListings;

/**
 * The public list of the newest {@value #LIMIT} approved partnerships (approved, in follow-up or closed), worded in the
 * reader's language: city names, countries, thematic area and start year only, never a contact, an e-mail address or a
 * person's name. Two queries that read no more than the list, whatever the number of partnerships
 * ({@link ProposalListings#newestApproved}).
 */
@Component
class PartnershipListFinder {

    static final int LIMIT = 200;

    private final ProposalListings listings;

    PartnershipListFinder(ProposalListings listings) {
        this.listings = listings;
    }

    List<PartnershipListItem> approvedPartnerships(Locale locale) {
        return listings.newestApproved(LIMIT).stream()
                .map(p -> new PartnershipListItem(p.leadCity(), ProposalPageModel.countryName(p.leadCountryCode(), locale),
                        p.partners().stream().map(place -> ProposalPageModel.cityWithCountry(place.cityName(), place.countryCode(), locale)).toList(),
                        p.thematicArea(), p.startYear()))
                .toList();
    }
}
