package org.twinflow.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.jdbc.core.JdbcTemplate;

/** db/engine-migration on a database that started fresh, and on one that had the engine's schema before it existed. */
final class EngineSchemaMigrationsCheck {

    private EngineSchemaMigrationsCheck() {
    }

    static void check(DataSource dataSource, ProcessEngine engine, boolean mysql) throws SQLException {
        // fresh: the application started on an empty database, the engine created its tables, then these ran
        assertThat(current(dataSource)).as("engine schema additions applied at start-up").isEqualTo("1");
        TaskQueryShape.checkIndexes(dataSource);

        // existing: a database from before db/engine-migration (no history table, no indexes) gets them at the next start
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        for (String index : new String[] { "TW_IDX_TASK_PARENT", "TW_IDX_TASK_DUE_DATE", "TW_IDX_TASK_KEY_DUE" }) {
            jdbc.execute(mysql ? "DROP INDEX " + index + " ON ACT_RU_TASK" : "DROP INDEX " + index);
        }
        jdbc.execute(mysql ? "DROP TABLE " + EngineSchemaMigrations.HISTORY_TABLE : "DROP TABLE \"" + EngineSchemaMigrations.HISTORY_TABLE + "\"");
        assertThat(TaskQueryShape.indexes(dataSource, "ACT_RU_TASK")).noneMatch(i -> i.startsWith("TW_"));
        new EngineSchemaMigrations(dataSource).postProcessEngineBuild(engine);
        assertThat(current(dataSource)).as("engine schema additions applied to an existing database").isEqualTo("1");
        TaskQueryShape.checkIndexes(dataSource);

        // and a restart applies nothing twice
        new EngineSchemaMigrations(dataSource).postProcessEngineBuild(engine);
        assertThat(current(dataSource)).isEqualTo("1");
    }

    private static String current(DataSource dataSource) {
        MigrationInfo current = Flyway.configure().dataSource(dataSource).locations(EngineSchemaMigrations.LOCATION)
                .table(EngineSchemaMigrations.HISTORY_TABLE).load().info().current();
        return current == null ? null : current.getVersion().getVersion();
    }
}
