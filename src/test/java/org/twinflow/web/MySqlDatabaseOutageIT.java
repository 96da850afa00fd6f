package org.twinflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.CallFixtures;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.process.ProposalProcess;
import org.twinflow.system.StaffGroups;

/**
 * Issue 12, part 3 (requests): the database goes away while a city submits. The application reaches the MySQL-compatible
 * server through a proxy the test cuts, as a stopped server or a broken network would. During the outage the submission
 * is answered 503 with a "try again" page (no stack trace) within the pool's timeout, nothing of it is stored, and the
 * health endpoint says DOWN; when the database returns, the application finds it by itself (no restart), health says UP,
 * and the same submission goes through once.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlDatabaseOutageIT {

    private static final String PASSWORD = "Outage-proof-2027";
    private static CuttableProxy proxy;

    @DynamicPropertySource
    static void mysqlDatabaseThroughAProxy(DynamicPropertyRegistry registry) throws Exception {
        MySqlTestDatabase.registerApplicationSettings(registry, "itoutageadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
        MySqlTestDatabase.Database database = MySqlTestDatabase.current();
        String[] hostAndPort = database.server().split(":");
        proxy = new CuttableProxy(hostAndPort[0], hostAndPort.length > 1 ? Integer.parseInt(hostAndPort[1]) : 3306);
        registry.add("TWINFLOW_DB_URL", () -> database.jdbcUrl().replace("//" + database.server() + "/", "//127.0.0.1:" + proxy.port() + "/"));
    }

    @AfterAll
    static void closeProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired RuntimeService runtimeService;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void shouldAskToTryAgainStoreNothingAndRecoverByItselfWhenTheDatabaseGoesAway() throws Exception {
        // given a signed-in city that has submitted one proposal and has the form of the next one open
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String officer = "outage" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identityService, officer, "Rina", "Outage", officer + "@semarang.example", PASSWORD, StaffGroups.CITIES);
        cityAccounts.link(officer, city.getId());
        PortalClient browser = new PortalClient(port).signIn(officer, PASSWORD);
        LocalDate today = LocalDate.now(clock);
        assertThat(submit(browser, "Before the outage", today).statusCode()).isEqualTo(302);
        var nextForm = PortalRepeatScenarios.completeProposal(browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(), "During the outage",
                today).field("submit", "1");

        // when the database goes away and the city submits
        proxy.cut();
        long began = System.nanoTime();
        HttpResponse<String> duringOutage = browser.post("/proposals/new", nextForm);
        long answeredInMillis = (System.nanoTime() - began) / 1_000_000;

        // then the city is asked to try again, quickly, without a stack trace, and health says DOWN
        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).hasValue("30");
        assertThat(duringOutage.body()).contains("cannot reach its database right now", "Nothing was stored")
                .doesNotContain("Exception", "at org.", "SQL");
        assertThat(answeredInMillis).as("answered within the pool's timeout").isLessThan(15_000);
        // and so is the next attempt, which finds no connection at all and waits for the pool's timeout (5 s) first
        began = System.nanoTime();
        HttpResponse<String> nextAttempt = browser.post("/proposals/new", nextForm);
        long nextAnsweredInMillis = (System.nanoTime() - began) / 1_000_000;
        assertThat(nextAttempt.statusCode()).isEqualTo(503);
        assertThat(nextAttempt.body()).contains("cannot reach its database right now").doesNotContain("Exception");
        assertThat(nextAnsweredInMillis).as("answered within the pool's timeout").isLessThan(15_000);
        // asked as a load balancer asks: without a session
        PortalClient probe = new PortalClient(port);
        HttpResponse<String> healthDuring = probe.get("/actuator/health");
        assertThat(healthDuring.statusCode()).isEqualTo(503);
        assertThat(healthDuring.body()).as(healthDuring.body()).contains("DOWN");

        // when the database returns, the application finds it again by itself
        proxy.restore();
        long restored = System.nanoTime();
        while (probe.get("/actuator/health").statusCode() != 200) {
            assertThat(Duration.ofNanos(System.nanoTime() - restored)).as("recovery").isLessThan(Duration.ofSeconds(60));
            Thread.sleep(250);
        }
        long recoveredInMillis = (System.nanoTime() - restored) / 1_000_000;
        assertThat(probe.get("/actuator/health").body()).contains("UP");

        // and nothing of the refused submission was stored; sent again, it goes through once
        assertThat(proposalsTitled("During the outage")).isZero();
        HttpResponse<String> again = browser.post("/proposals/new", nextForm);
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(proposalsTitled("During the outage")).isOne();
        String reference = again.headers().firstValue("Location").orElseThrow().replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})$", "$1");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count()).isOne();
        System.out.printf("Database outage: submissions answered 503 in %d ms (connection lost) and %d ms (no connection); "
                + "health UP again %d ms after the database returned%n", answeredInMillis, nextAnsweredInMillis, recoveredInMillis);
    }

    private static HttpResponse<String> submit(PortalClient browser, String title, LocalDate today) {
        return browser.post("/proposals/new", PortalRepeatScenarios.completeProposal(browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(),
                title, today).field("submit", "1"));
    }

    private int proposalsTitled(String title) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE title = ?", Integer.class, title);
    }
}
