package org.twinflow.web;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.MySqlTestDatabase;

/** {@link PortalRepeatScenarios} on the MySQL-compatible server (MariaDB in CI), whose row locks decide who waits. */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlPortalRepeatsIT extends PortalRepeatScenarios {

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itrepeatadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
    }
}
