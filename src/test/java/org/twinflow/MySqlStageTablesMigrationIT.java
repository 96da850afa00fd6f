package org.twinflow;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link StageTablesMigrationCheck} on the MySQL-compatible test server (MariaDB 10.11 here and in CI), on a fresh database. */
@ExtendWith(MySqlTestDatabase.class)
class MySqlStageTablesMigrationIT {

    @Test
    void shouldMoveEveryStagesFactsIntoItsOwnTableAndKeepEveryOne() throws Exception {
        MySqlTestDatabase.Database database = MySqlTestDatabase.current();
        StageTablesMigrationCheck.check(new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()), () -> {
            try {
                return database.connect();
            } catch (SQLException failed) {
                throw new IllegalStateException(failed);
            }
        });
    }
}
