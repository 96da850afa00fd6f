package org.twinflow.system.engine;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Twinflow adds to Camunda's own tables (indexes the engine lacks), as Flyway migrations in
 * {@code db/engine-migration}, run as soon as the engine has built, and so created or upgraded, its schema.
 * <p>
 * A second Flyway with its own history table ({@value #HISTORY_TABLE}), because the application's Flyway
 * ({@code db/migration}) runs before the engine starts ({@code ProcessEngineDependsOnDatabaseInitializationDetector}),
 * when on a fresh H2 database no {@code ACT_} table exists yet (on MySQL its V016 has created them by then). The
 * schema is never empty by then, so the first run baselines at version 0 and then applies V1 onwards, on a fresh
 * database and on an existing one alike.
 */
@Component
class EngineSchemaMigrations extends AbstractProcessEnginePlugin {

    static final String LOCATION = "classpath:db/engine-migration";
    static final String HISTORY_TABLE = "flyway_engine_schema_history";

    private static final Logger log = LoggerFactory.getLogger(EngineSchemaMigrations.class);

    private final DataSource dataSource;

    EngineSchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        log.info("Engine schema additions: {} migration(s) applied, now at version {}", result.migrationsExecuted, result.targetSchemaVersion);
    }
}
