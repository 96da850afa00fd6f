package org.twinflow.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;
import org.twinflow.tasklist.TasklistFilters;

/**
 * My proposals and Tasklist's shared filters send the same number of SQL statements for 2 items as for
 * 200: no query per row (an "N + 1"), whatever a city or the secretariat has on its list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ListStatementsIT {

    static final String PASSWORD = "List-statements-2027";

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired SqlStatementCounter counter;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired IdentityService identityService;
    @Autowired FilterService filterService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;

    @Test
    void shouldShowMyProposalsAndListAndCountFiltersWithTheSameStatementsForTwoAndForTwoHundredItems() throws Exception {
        // given a secretariat member, and a city with two proposals waiting at screening
        String staff = "liststaff" + UUID.randomUUID().toString().substring(0, 6);
        TestUsers.ensure(identityService, staff, "List", "Officer", staff + "@secretariat.example", PASSWORD, StaffGroups.SECRETARIAT);
        Filter screening = filterService.createFilterQuery().filterName(TasklistFilters.SCREENING).singleResult();
        RequestPostProcessor few = officerWithSubmittedProposals(2);
        int myProposalsFew = statementsOf(() -> mvc.perform(get("/proposals").with(few)).andExpect(status().isOk()));
        int listFew = statementsOf(() -> filterList(screening, staff));
        int countFew = statementsOf(() -> filterCount(screening, staff));

        // when another city has two hundred, all waiting at screening too
        RequestPostProcessor many = officerWithSubmittedProposals(200);

        // then its list of proposals, and the secretariat's filter, cost the same
        assertThat(statementsOf(() -> mvc.perform(get("/proposals").with(many)).andExpect(status().isOk())))
                .as("My proposals with 200 proposals, against %d statements with 2", myProposalsFew).isEqualTo(myProposalsFew);
        assertThat(statementsOf(() -> filterList(screening, staff))).as("filter list with 198 more tasks").isEqualTo(listFew);
        assertThat(statementsOf(() -> filterCount(screening, staff))).as("filter count with 198 more tasks").isEqualTo(countFew);
    }

    /** As Tasklist lists a filter's first page (through the REST API; Tasklist's own path is the same resource). */
    private void filterList(Filter filter, String staff) throws Exception {
        assertThat(restPost("/engine-rest/filter/" + filter.getId() + "/list?firstResult=0&maxResults=15", staff).statusCode()).isEqualTo(200);
    }

    private void filterCount(Filter filter, String staff) throws Exception {
        assertThat(restPost("/engine-rest/filter/" + filter.getId() + "/count", staff).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> restPost(String path, String staff) throws Exception {
        String basic = Base64.getEncoder().encodeToString((staff + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private RequestPostProcessor officerWithSubmittedProposals(int count) {
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String officer = "listofficer" + UUID.randomUUID().toString().substring(0, 6);
        cityAccounts.link(officer, city.getId());
        submitted(city, count);
        return user(officer).authorities(new SimpleGrantedAuthority("GROUP_" + StaffGroups.CITIES));
    }

    private void submitted(City city, int count) {
        for (int i = 0; i < count; i++) {
            proposals.submitNew(ProposalFixtures.mobilityProposal(city.getId(), LocalDate.now(clock), "Proposal " + i + " of " + count,
                    List.of(ProposalFixtures.toyama())), "listofficer");
        }
        Jobs.runAsync(managementService);
    }

    private int statementsOf(SqlBudgetScenarios.ThrowingRunnable request) throws Exception {
        request.run(); // warm: the first call of a kind loads caches
        counter.start();
        SqlStatementCounter.Count count;
        try {
            request.run();
        } finally {
            count = counter.stop();
        }
        return count.total();
    }
}
