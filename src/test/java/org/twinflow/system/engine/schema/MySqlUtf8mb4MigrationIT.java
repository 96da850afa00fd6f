package org.twinflow.system.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.twinflow.MySqlTestDatabase;

/**
 * V016 by itself, through JDBC, on engine schemas as Camunda's scripts created them in 3-byte utf8 (each in a database of
 * its own next to the test's): every part converted with its rows (a COMPACT table made DYNAMIC), the result the same as
 * Camunda's scripts in utf8mb4 would create, also when a conversion was cut short; a schema of another Camunda version is
 * refused untouched.
 */
@ExtendWith(MySqlTestDatabase.class)
class MySqlUtf8mb4MigrationIT {

    private static final String USER_NAME = "Nguyễn Thị Hà – เชียงใหม่ – مدن";

    private static List<String> camundasSchema;

    @Test
    void shouldConvertEveryPartTheEngineCreatedInUtf8AndKeepTheRows() throws Exception {
        withDatabase("seven", database -> {
            try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
                // given the seven parts as the engine created them before V016, with rows
                EngineSchemaShape.createAsTheEngineDid(connection, EngineComponent.values());
                sql.execute("INSERT INTO ACT_ID_USER (ID_, REV_, FIRST_, LAST_) VALUES ('hanguyen', 1, 'Hà', '" + USER_NAME + "')");
                // a table from a server whose default row format was COMPACT: in utf8mb4 its keys on NAME_ (1 020 bytes) would not fit
                sql.execute("ALTER TABLE ACT_RU_VARIABLE ROW_FORMAT=COMPACT");
                assertThat(collationOf(connection, "ACT_ID_USER")).startsWith("utf8mb3").endsWith("_bin");
                List<String> propertiesBefore = rows(connection, "SELECT NAME_, VALUE_, REV_ FROM ACT_GE_PROPERTY ORDER BY NAME_");

                // when V016 runs
                migrate(connection);

                // then the schema is Camunda's in utf8mb4, the rows are kept, and a 4-byte character fits
                EngineSchemaShape.checkUtf8mb4(connection);
                assertThat(EngineSchemaShape.of(connection)).isEqualTo(camundasSchemaInUtf8mb4());
                assertThat(rows(connection, "SELECT NAME_, VALUE_, REV_ FROM ACT_GE_PROPERTY ORDER BY NAME_")).isEqualTo(propertiesBefore);
                assertThat(rows(connection, "SELECT LAST_, HEX(LAST_) FROM ACT_ID_USER WHERE ID_ = 'hanguyen'"))
                        .containsExactly(USER_NAME + " | " + utf8Hex(USER_NAME));
                sql.execute("UPDATE ACT_ID_USER SET LAST_ = '𠀀 😀' WHERE ID_ = 'hanguyen'");
                assertThat(rows(connection, "SELECT LAST_ FROM ACT_ID_USER WHERE ID_ = 'hanguyen'")).containsExactly("𠀀 😀");
            }
        });
    }

    @Test
    void shouldFinishAConversionThatWasCutShort() throws Exception {
        withDatabase("cut", database -> {
            try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
                // given the engine's parts without CMMN (cmmn-enabled: false), a conversion stopped halfway: some foreign keys
                // dropped, some tables converted
                EngineSchemaShape.createAsTheEngineDid(connection, EngineComponent.ENGINE, EngineComponent.HISTORY, EngineComponent.IDENTITY,
                        EngineComponent.DECISION_ENGINE, EngineComponent.DECISION_HISTORY);
                sql.execute("ALTER TABLE ACT_ID_MEMBERSHIP DROP FOREIGN KEY ACT_FK_MEMB_GROUP");
                sql.execute("ALTER TABLE ACT_ID_TENANT_MEMBER DROP FOREIGN KEY ACT_FK_TENANT_MEMB_GROUP");
                sql.execute("ALTER TABLE ACT_ID_MEMBERSHIP DROP FOREIGN KEY ACT_FK_MEMB_USER");
                sql.execute("ALTER TABLE ACT_ID_GROUP CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                sql.execute("ALTER TABLE ACT_HI_PROCINST CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");

                // when V016 runs (again)
                migrate(connection);

                // then it is as if it had run once, with the CMMN tables created
                EngineSchemaShape.checkUtf8mb4(connection);
                assertThat(EngineSchemaShape.of(connection)).isEqualTo(camundasSchemaInUtf8mb4());
            }
        });
    }

    @Test
    void shouldRefuseAnEngineSchemaOfAnotherCamundaVersionAndLeaveItAsItIs() throws Exception {
        withDatabase("old", database -> {
            try (Connection connection = database.connect(); Statement sql = connection.createStatement()) {
                EngineSchemaShape.createAsTheEngineDid(connection, EngineComponent.ENGINE);
                sql.execute("UPDATE ACT_GE_SCHEMA_LOG SET VERSION_ = '7.23.0' WHERE ID_ = '0'");

                assertThatThrownBy(() -> migrate(connection)).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("at 7.23.0").hasMessageContaining("upgrade scripts");
                assertThat(collationOf(connection, "ACT_RU_TASK")).startsWith("utf8mb3");
            }
        });
    }

    /** Built once for the class: creating the 49 tables takes MariaDB some seconds. */
    private static List<String> camundasSchemaInUtf8mb4() throws SQLException {
        if (camundasSchema == null) {
            camundasSchema = EngineSchemaShape.ofCamundasScriptsInUtf8mb4(MySqlTestDatabase.current());
        }
        return camundasSchema;
    }

    private static void migrate(Connection connection) throws SQLException {
        new Utf8mb4EngineSchemaMigration().migrate(new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        });
    }

    /** A database of its own next to the test's, dropped afterwards. */
    private static void withDatabase(String suffix, DatabaseWork work) throws Exception {
        MySqlTestDatabase.Database test = MySqlTestDatabase.current();
        MySqlTestDatabase.Database database = new MySqlTestDatabase.Database(test.server(), test.user(), test.password(), test.name() + "_" + suffix);
        try (Connection server = test.connect(); Statement sql = server.createStatement()) {
            sql.execute("CREATE DATABASE " + database.name() + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            try {
                work.run(database);
            } finally {
                sql.execute("DROP DATABASE " + database.name());
            }
        }
    }

    private static String collationOf(Connection connection, String table) throws SQLException {
        return rows(connection, "SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                + table + "'").get(0);
    }

    private static List<String> rows(Connection connection, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join(" | ", values));
            }
        }
        return rows;
    }

    private static String utf8Hex(String text) {
        return java.util.HexFormat.of().withUpperCase().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @FunctionalInterface
    private interface DatabaseWork {
        void run(MySqlTestDatabase.Database database) throws Exception;
    }
}
