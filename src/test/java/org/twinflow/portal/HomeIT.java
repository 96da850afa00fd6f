package org.twinflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.twinflow.CallFixtures;
import org.twinflow.ProposalFixtures;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.PartnerRole;
import org.twinflow.proposal.Proposal;
import org.twinflow.system.StaffGroups;

/**
 * The public landing page: the open calls, the programme, its areas and steps, the way in, and the approved partnerships without
 * personal data.
 */
class HomeIT extends ProposalPageTestSupport {

    @Test
    void shouldShowTheProgrammeItsAreasStepsAndTheWayInToAnonymousVisitors() throws Exception {
        String page = mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(view().name(HomeController.VIEW_HOME))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Sustainable Mobility", "SDGs Localisation", "Climate Change Adaptation and Disaster Risk Reduction",
                "Tourism and Culture", "Local Economic Development", "class=\"steps\"", "Screening", "Follow-up",
                "href=\"/register\"", "Register your city", "href=\"/login\"", "Sign in",
                "href=\"/camunda/app/tasklist/\"", "href=\"/camunda/app/cockpit/\"")
                .doesNotContain("??");
    }

    @Test
    void shouldListAnApprovedPartnershipWithCitiesCountriesAreaAndYearButNoPersonalData() throws Exception {
        // given an approved partnership with a partner whose contact is known, and a proposal still in screening
        String officer = newCityOfficer();
        PartnerCity hue = new PartnerCity("Huế", "VN", PartnerRole.PARTNER, "hoptac@hue.example");
        Proposal approvedOne = submit(officer, ProposalFixtures.mobilityProposal(cityOf(officer), LocalDate.now(clock),
                "Approved partnership", List.of(ProposalFixtures.toyama(), hue)));
        approved(approvedOne);
        Proposal inScreening = submitTitled(newCityOfficer(), "Still in screening");

        // when anyone opens the landing page
        String page = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // then the partnership is listed with cities, countries, area and start year
        assertThat(page).contains("Semarang (Indonesia)", "Toyama (Japan)", "Huế (Vietnam)", "Sustainable Mobility",
                String.valueOf(approvedOne.getStartDate().getYear()));
        // and without any e-mail address, person's name or reference
        assertThat(page).doesNotContain("@", "Rina Wulandari", approvedOne.getReference(), inScreening.getReference());
    }

    @Test
    void shouldListTheOpenFirstCallWithTheWayToApplyForCities() throws Exception {
        // given the rolling call every installation starts with, open until 2030
        String call = "href=\"/calls/" + CallFixtures.FIRST_CALL_REFERENCE + "\"";
        String apply = "href=\"/proposals/new?call=" + CallFixtures.FIRST_CALL_REFERENCE + "\"";

        // then everybody sees it among the open calls, and only a city is offered to apply from here
        String forCity = mvc.perform(get("/").with(asOfficer(newCityOfficer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(forCity).contains("id=\"open-calls\"", call, "Open call for partnerships", "Deadline: 31 December 2030, 23:59 UTC",
                "Budget: 5,000,000 EUR", apply);
        String forVisitor = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(forVisitor).contains(call).doesNotContain(apply);
    }

    @Test
    void shouldShowCitiesTheirProposalsAndStaffTheirTools() throws Exception {
        String forCity = mvc.perform(get("/").with(asOfficer(newCityOfficer()))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(forCity).contains("href=\"/proposals\"").doesNotContain("href=\"/register\"", "href=\"/camunda/app/cockpit/\"");

        String forStaff = mvc.perform(get("/").with(asStaff("secretary1", StaffGroups.SECRETARIAT))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(forStaff).contains("href=\"/camunda/app/tasklist/\"", "href=\"/camunda/app/cockpit/\"").doesNotContain("href=\"/register\"");
    }
}
