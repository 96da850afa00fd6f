package org.twinflow.system.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.twinflow.MySqlTestDatabase;

/**
 * The engine's schema on the MySQL-compatible test server as lines of text (tables, columns, indexes, foreign keys), to
 * compare two databases, and the checks every engine schema of Twinflow's must pass there.
 */
final class EngineSchemaShape {

    /** The largest index key InnoDB takes with the DYNAMIC row format (16 KB pages). */
    static final int MAX_KEY_BYTES = 3072;

    /** Camunda's own create scripts in the camunda-engine jar on the classpath. */
    private static final String CAMUNDA_SCRIPTS = "org/camunda/bpm/engine/db/create/";

    private static final String TABLES = "SELECT CONCAT('table ', TABLE_NAME, ' ', ENGINE, ' ', ROW_FORMAT, ' ', TABLE_COLLATION) "
            + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'";
    private static final String COLUMNS = "SELECT CONCAT('column ', TABLE_NAME, '.', COLUMN_NAME, ' #', ORDINAL_POSITION, ' ', COLUMN_TYPE, ' ', "
            + "IFNULL(CHARACTER_SET_NAME, '-'), ' ', IFNULL(COLLATION_NAME, '-'), ' null:', IS_NULLABLE, ' default:', "
            + "IFNULL(COLUMN_DEFAULT, '-'), ' ', EXTRA) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'";
    // Twinflow's own indexes (TW_, db/engine-migration) are not Camunda's schema
    private static final String INDEXES = "SELECT CONCAT('index ', TABLE_NAME, '.', INDEX_NAME, ' unique:', 1 - NON_UNIQUE, ' #', SEQ_IN_INDEX, ' ', "
            + "COLUMN_NAME, ' prefix:', IFNULL(SUB_PART, '-')) FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? "
            + "AND UPPER(TABLE_NAME) LIKE 'ACT\\_%' AND INDEX_NAME NOT LIKE 'TW\\_%'";
    private static final String FOREIGN_KEYS = "SELECT CONCAT('foreign key ', k.TABLE_NAME, '.', k.CONSTRAINT_NAME, ' ', k.COLUMN_NAME, ' -> ', "
            + "k.REFERENCED_TABLE_NAME, '.', k.REFERENCED_COLUMN_NAME, ' on update ', r.UPDATE_RULE, ' on delete ', r.DELETE_RULE) "
            + "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r "
            + "ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
            + "WHERE k.TABLE_SCHEMA = ? AND UPPER(k.TABLE_NAME) LIKE 'ACT\\_%'";
    /** Bytes of each index's key, columns at their longest (4 bytes a character in utf8mb4) or their prefix. */
    private static final String KEY_BYTES = "SELECT CONCAT(s.TABLE_NAME, '.', s.INDEX_NAME), SUM(CASE "
            + "WHEN c.CHARACTER_OCTET_LENGTH IS NULL THEN 8 "
            + "WHEN s.SUB_PART IS NULL THEN c.CHARACTER_OCTET_LENGTH "
            + "ELSE s.SUB_PART * c.CHARACTER_OCTET_LENGTH / c.CHARACTER_MAXIMUM_LENGTH END) "
            + "FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = s.TABLE_SCHEMA "
            + "AND c.TABLE_NAME = s.TABLE_NAME AND c.COLUMN_NAME = s.COLUMN_NAME "
            + "WHERE s.TABLE_SCHEMA = ? AND UPPER(s.TABLE_NAME) LIKE 'ACT\\_%' GROUP BY s.TABLE_NAME, s.INDEX_NAME";

    private EngineSchemaShape() {
    }

    /** Every {@code ACT_} table, column, index (but Twinflow's) and foreign key of the connection's database, sorted. */
    static List<String> of(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String query : List.of(TABLES, COLUMNS, INDEXES, FOREIGN_KEYS)) {
            lines.addAll(strings(connection, query));
        }
        lines.sort(null);
        return lines;
    }

    /**
     * The engine's schema as the camunda-engine jar on the classpath creates it, all seven parts, with {@code utf8}
     * replaced by {@code utf8mb4} and nothing else: built in a database of its own next to the test's, then dropped.
     */
    static List<String> ofCamundasScriptsInUtf8mb4(MySqlTestDatabase.Database testDatabase) throws SQLException {
        MySqlTestDatabase.Database reference = new MySqlTestDatabase.Database(testDatabase.server(), testDatabase.user(),
                testDatabase.password(), testDatabase.name() + "_camunda");
        try (Connection server = testDatabase.connect(); Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE " + reference.name() + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            try {
                try (Connection connection = reference.connect(); Statement statements = connection.createStatement()) {
                    for (EngineComponent component : EngineComponent.values()) {
                        for (String statement : SqlScript.load(component.createScript(CAMUNDA_SCRIPTS)).statements()) {
                            statements.execute(statement.replace("DEFAULT CHARSET=utf8 COLLATE utf8_bin",
                                    "DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin"));
                        }
                    }
                    return of(connection);
                }
            } finally {
                sql.execute("DROP DATABASE " + reference.name());
            }
        }
    }

    /** Runs Camunda's own create scripts as the engine did before V016, in 3-byte {@code utf8}: the seven parts or some. */
    static void createAsTheEngineDid(Connection connection, EngineComponent... components) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (EngineComponent component : components) {
                for (String statement : SqlScript.load(component.createScript(CAMUNDA_SCRIPTS)).statements()) {
                    sql.execute(statement);
                }
            }
        }
    }

    /** All 49 tables, each table and text column in utf8mb4 with binary collation, every index key within InnoDB's limit. */
    static void checkUtf8mb4(Connection connection) throws SQLException {
        String schema = connection.getCatalog();
        assertThat(strings(connection, "SELECT CONCAT(TABLE_NAME, ' ', TABLE_COLLATION) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? "
                + "AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'")).as("the engine's tables").hasSize(49)
                .allSatisfy(table -> assertThat(table).endsWith(" utf8mb4_bin"));
        List<String> textColumns = strings(connection, "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', CHARACTER_SET_NAME, ' ', COLLATION_NAME) "
                + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND UPPER(TABLE_NAME) LIKE 'ACT\\_%' AND CHARACTER_SET_NAME IS NOT NULL");
        assertThat(textColumns).as("the engine's text columns").hasSizeGreaterThan(450)
                .allSatisfy(column -> assertThat(column).endsWith(" utf8mb4 utf8mb4_bin"));
        assertThat(keyBytes(connection)).as("index key bytes (%s)", schema).allSatisfy(key -> assertThat(Integer.parseInt(key.split(" ")[1]))
                .as(key).isLessThanOrEqualTo(MAX_KEY_BYTES));
    }

    /** "TABLE.INDEX bytes" of every index of the engine's tables, largest first. */
    static List<String> keyBytes(Connection connection) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(KEY_BYTES + " ORDER BY 2 DESC")) {
            query.setString(1, connection.getCatalog());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1) + " " + rs.getLong(2));
                }
            }
        }
        return keys;
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, connection.getCatalog());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }
}
