package org.twinflow;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** {@link StageTablesMigrationCheck} on H2, the embedded database of the demo run. */
class StageTablesMigrationTest {

    @Test
    void shouldMoveEveryStagesFactsIntoItsOwnTableAndKeepEveryOne() throws SQLException {
        SingleConnectionDataSource h2 = new SingleConnectionDataSource("jdbc:h2:mem:decision-migration;DB_CLOSE_DELAY=-1", "sa", "", true);
        try {
            StageTablesMigrationCheck.check(h2, () -> {
                try {
                    return h2.getConnection();
                } catch (SQLException failed) {
                    throw new IllegalStateException(failed);
                }
            });
        } finally {
            h2.destroy();
        }
    }
}
