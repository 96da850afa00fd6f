package org.twinflow.portal;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.MySqlTestDatabase;

/**
 * {@link CallFundingScenario} on the MySQL-compatible server with the production profile: the ranking's, the budget's
 * and the reserve list's queries, the call's locks and the two processes on the real database.
 */
@ExtendWith(MySqlTestDatabase.class) // creates the database before the application starts, drops it last
@ActiveProfiles(value = "mysql", inheritProfiles = false)
@DirtiesContext // close the application before the database is dropped
class MySqlCallFundingIT extends CallFundingScenario {

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itfundingadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
    }
}
