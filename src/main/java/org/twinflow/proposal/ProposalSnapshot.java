package org.twinflow.proposal;

import org.twinflow.city.Countries;
import java.util.LinkedHashMap;
import java.util.Map;

import org.twinflow.city.City;

/**
 * The essentials of a proposal as a JSON-friendly map: the {@code proposal} process variable that
 * every staff form shows, so that staff decide without leaving Tasklist. Stored as a serialized JSON
 * object (a byte array in Camunda's tables), so texts in any script survive on MySQL too.
 */
public final class ProposalSnapshot {

    private ProposalSnapshot() {
    }

    public static Map<String, Object> of(Proposal proposal, City leadCity) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("reference", proposal.getReference());
        map.put("title", proposal.getTitle());
        map.put("leadCity", leadCity.getName());
        map.put("leadCountry", countryName(leadCity.getCountryCode()));
        map.put("partners", proposal.getPartners().stream().map(p -> Map.of(
                "city", p.cityName(), "country", countryName(p.countryCode()), "role", p.role().label())).toList());
        map.put("partnerCities", proposal.getPartners().stream().map(p -> p.display(ProposalSnapshot::countryName)).toList());
        map.put("thematicArea", proposal.getThematicArea() == null ? null : proposal.getThematicArea().label());
        map.put("partnershipType", proposal.getPartnershipType().label());
        map.put("sdgs", proposal.sdgNumbers().stream().map(Sdg::label).toList());
        map.put("startDate", proposal.getStartDate() == null ? null : proposal.getStartDate().toString());
        map.put("durationMonths", proposal.getDurationMonths());
        map.put("currency", proposal.getCurrency());
        // Amounts as text: a decision evaluates with every process variable read, and an amount that JSON gives
        // back as a Double would serialise differently and make the engine write the whole snapshot again.
        map.put("totalBudget", amount(proposal.getTotalBudget()));
        map.put("requestedAmount", amount(proposal.getRequestedAmount()));
        map.put("coFinancing", amount(proposal.getCoFinancing()));
        map.put("summary", proposal.getSummary());
        map.put("objectives", proposal.getObjectives());
        map.put("expectedResults", proposal.getExpectedResults().stream().map(r -> Map.of(
                "result", r.result(), "indicator", r.indicator(), "target", r.target() == null ? "" : r.target())).toList());
        return map;
    }

    private static String amount(java.math.BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String countryName(String countryCode) {
        return Countries.englishName(countryCode);
    }
}
