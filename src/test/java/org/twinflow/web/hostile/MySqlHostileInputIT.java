package org.twinflow.web.hostile;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.MySqlTestDatabase;

/**
 * {@link HostileInputScenarios} on the MySQL-compatible server (MariaDB in CI): its columns have lengths and character
 * sets of their own, its TIMESTAMP a range of its own, and Camunda's tables there are 3-byte utf8.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlHostileInputIT extends HostileInputScenarios {

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "ithostileadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
    }
}
