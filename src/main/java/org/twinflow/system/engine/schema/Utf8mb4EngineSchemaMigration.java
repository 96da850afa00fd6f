package org.twinflow.system.engine.schema;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway V016 (the application's Flyway, which takes every {@link JavaMigration} bean): on MySQL and MariaDB, Camunda's
 * tables in utf8mb4 with binary collation, so that every character staff type (emoji, CJK beyond the BMP) is kept in task
 * names, variables and comments. Camunda's MySQL scripts declare 3-byte {@code utf8}; from here on Flyway, not the engine,
 * owns the engine's schema there ({@code camunda.bpm.database.schema-update: false} in the mysql profile), and later Camunda
 * versions come as upgrade migrations (docs/operations.md).
 * <ul>
 * <li>Each part of the engine's schema that exists, on a database where the engine created its tables before V016, is
 * converted in place with its data ({@link Utf8mb4Conversion}), if it is at Camunda 7.24.</li>
 * <li>Each part that does not exist is created from Camunda 7.24.0's create scripts adapted to utf8mb4 ({@value #SCRIPTS}):
 * all of them on a fresh database, and the CMMN tables that the engine left out with {@code cmmn-enabled: false} on an
 * existing one, because Camunda's upgrade scripts alter them too.</li>
 * </ul>
 * On other databases (H2) it does nothing: there the engine creates its own schema, which keeps any character.
 */
@Component
class Utf8mb4EngineSchemaMigration implements JavaMigration {

    static final String SCRIPTS = "db/engine-schema/mysql/7.24.0/";
    static final String CAMUNDA_MINOR_VERSION = "7.24";

    private static final Logger log = LoggerFactory.getLogger(Utf8mb4EngineSchemaMigration.class);

    private final Map<EngineComponent, SqlScript> createScripts = new EnumMap<>(EngineComponent.class);

    Utf8mb4EngineSchemaMigration() {
        for (EngineComponent component : EngineComponent.values()) {
            createScripts.put(component, SqlScript.load(component.createScript(SCRIPTS)));
        }
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("016");
    }

    @Override
    public String getDescription() {
        return "engine schema in utf8mb4 on MySQL";
    }

    /** Of the scripts: an applied V016 whose scripts were changed afterwards fails Flyway's validation. */
    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        createScripts.values().forEach(script -> crc.update(script.text().getBytes(StandardCharsets.UTF_8)));
        return (int) crc.getValue();
    }

    /** MySQL commits each DDL statement anyway. */
    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!isMySql(connection)) {
            log.info("V016: nothing to do on {}; the engine creates its own schema there", connection.getMetaData().getDatabaseProductName());
            return;
        }
        long started = System.nanoTime();
        Set<String> tables = engineTables(connection);
        List<EngineComponent> present = new ArrayList<>();
        List<EngineComponent> missing = new ArrayList<>();
        for (EngineComponent component : EngineComponent.values()) {
            (tables.contains(component.markerTable()) ? present : missing).add(component);
        }
        int converted = 0;
        if (!present.isEmpty()) {
            requireCamundaVersion(connection);
            converted = new Utf8mb4Conversion(connection).convert(present.stream()
                    .flatMap(component -> createScripts.get(component).foreignKeys().values().stream()).toList());
        }
        try (Statement sql = connection.createStatement()) {
            for (EngineComponent component : missing) {
                for (String statement : createScripts.get(component).statements()) {
                    sql.execute(statement);
                }
            }
        }
        log.info("V016: engine schema in utf8mb4 — {} table(s) converted ({}), created: {}; {} ms", converted, present, missing,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isMySql(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb");
    }

    private static Set<String> engineTables(Connection connection) throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                        + "AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'")) {
            while (rs.next()) {
                tables.add(rs.getString(1).toUpperCase(Locale.ROOT));
            }
        }
        return tables;
    }

    /** The conversion keeps the schema's version: it must be the one the adapted scripts create. */
    private static void requireCamundaVersion(Connection connection) throws SQLException {
        String version;
        try (Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG ORDER BY CAST(ID_ AS UNSIGNED) DESC LIMIT 1")) {
            version = rs.next() ? rs.getString(1) : null;
        }
        if (version == null || !version.startsWith(CAMUNDA_MINOR_VERSION + ".")) {
            throw new IllegalStateException("V016 converts a Camunda " + CAMUNDA_MINOR_VERSION + " engine schema to utf8mb4, but this "
                    + "database's schema is at " + version + ": apply Camunda's upgrade scripts up to " + CAMUNDA_MINOR_VERSION
                    + " first (docs/operations.md, \"Engine schema and Camunda upgrades\")");
        }
    }
}
