package org.twinflow.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.MySqlTestDatabase;

/**
 * {@link TaskQueryAuthorizationPatchIT} on the production profile against the MySQL-compatible test server (MariaDB
 * 10.11 here and in CI), on a fresh database: the patched task query answers exactly as Camunda's, keeps its shape, and
 * the engine-schema migrations run on a fresh and on an existing database. Never skipped in CI.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK) // no HTTP needed: no webapps started and stopped
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlTaskQueryIT {

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "ittaskqueryadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
    }

    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;

    @Test
    void shouldShowEveryUserExactlyTheTasksCamundasOwnQueryShows() {
        int comparisons = TaskVisibilityMatrix.compareWithCamundasOwnQuery(engine, dataSource, "mysql");
        assertThat(comparisons).as("comparisons made").isGreaterThan(1000);
    }

    @Test
    void shouldKeepTheShapeThatMakesTheStaffQueriesFast() throws Exception {
        TaskQueryShape.checkEngineSettings(engine);
        TaskQueryShape.checkQueries(engine);
        TaskQueryShape.checkIndexes(dataSource);
    }

    @Test
    void shouldAddTheMissingEngineIndexesToFreshAndExistingDatabases() throws Exception {
        EngineSchemaMigrationsCheck.check(dataSource, engine, true);
    }
}
