package org.twinflow;

import java.time.Clock;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.ProposalService;

/**
 * Two officers complete the same task at the same moment, 20 times, on the production profile against
 * the real MySQL-compatible server (MariaDB 10.11 in CI), where the loser used to die in "Deadlock
 * found when trying to get lock" (HTTP 500): see {@link SimultaneousCompletions}.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlSimultaneousCompletionIT {

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itracingadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
    }

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired ProposalService proposals;
    @Autowired CityRepository cities;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void shouldLetExactlyOneOfTwoSimultaneousCompletionsThrough() throws Exception {
        new SimultaneousCompletions(port, processEngine, proposals, cities, jdbc, clock).run(20);
    }
}
