package org.twinflow.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * On H2: the patched task query shows every user exactly the tasks Camunda's own query shows ({@link TaskVisibilityMatrix}),
 * keeps its fast shape ({@link TaskQueryShape}), and the engine-schema migrations run on a fresh and on an existing
 * database. {@code MySqlTaskQueryIT} does the same on the MySQL-compatible server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TaskQueryAuthorizationPatchIT {

    @Autowired ProcessEngine engine;
    @Autowired DataSource dataSource;

    @Test
    void shouldShowEveryUserExactlyTheTasksCamundasOwnQueryShows() {
        int comparisons = TaskVisibilityMatrix.compareWithCamundasOwnQuery(engine, dataSource, "h2");
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
        EngineSchemaMigrationsCheck.check(dataSource, engine, false);
    }
}
