package org.twinflow.portal;

import java.util.List;

import org.twinflow.proposal.ThematicArea;

/** An approved partnership as the public sees it: cities, countries, thematic area, start year. No personal data. */
public record PartnershipListItem(String leadCity, String leadCountry, List<String> partnerCities, ThematicArea thematicArea,
        Integer startYear) {
}
