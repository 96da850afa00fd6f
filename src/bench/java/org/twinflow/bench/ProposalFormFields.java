package org.twinflow.bench;

import java.time.LocalDate;

import org.twinflow.web.PortalClient.Multipart;

/**
 * A complete proposal as the portal's form sends it on "Submit" (the fields of PortalRepeatScenarios): two
 * partners in Japan, three SDGs, one expected result, an 18-month project within the call's limits.
 */
final class ProposalFormFields {

    private ProposalFormFields() {
    }

    static Multipart complete(Multipart form, String title, LocalDate today) {
        LocalDate start = today.withDayOfMonth(1).plusMonths(2);
        return form.field("title", title).field("partnershipType", "TWINNING").field("thematicArea", "MOBILITY")
                .field("_sdgs", "on").field("sdgs", "9").field("sdgs", "11").field("sdgs", "13")
                .field("summary", "Semarang and Toyama exchange what works for public transport in compact cities.")
                .field("objectives", "Plan a bus rapid transit corridor with light-rail lessons from Toyama.")
                .field("activities", "Two study visits, a joint corridor plan, a public forum in each city.")
                .field("startDate", start.toString()).field("endDate", start.plusMonths(18).minusDays(1).toString())
                .field("partners[0].cityName", "Toyama").field("partners[0].countryCode", "JP").field("partners[0].role", "CO_LEAD")
                .field("partners[0].contactEmail", "international@toyama.example")
                .field("partners[1].cityName", "Kitakyushu").field("partners[1].countryCode", "JP").field("partners[1].role", "PARTNER")
                .field("partners[1].contactEmail", "international@kitakyushu.example")
                .field("expectedResults[0].result", "A corridor plan adopted by both councils")
                .field("expectedResults[0].indicator", "Plans adopted").field("expectedResults[0].target", "2")
                .field("totalBudget", "150000").field("requestedAmount", "90000").field("coFinancing", "60000")
                .field("declarationCorrect", "true").field("_declarationCorrect", "on")
                .field("declarationAuthorised", "true").field("_declarationAuthorised", "on")
                .field("submit", "1");
    }
}
