package org.twinflow.system.engine.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Converts the engine's tables of a MySQL or MariaDB database to utf8mb4 / utf8mb4_bin in place, data kept.
 * <p>
 * MariaDB 10.11 refuses to change the character set of a column that takes part in a foreign key, even with
 * {@code foreign_key_checks=0} (errors 1832, 1833): the engine's foreign keys are dropped, every table converted,
 * and the foreign keys added again exactly as Camunda's scripts add them. Each step skips what is already done, so a
 * conversion cut short can be run again.
 */
final class Utf8mb4Conversion {

    static final String COLLATION = "utf8mb4_bin";

    private final Connection connection;

    Utf8mb4Conversion(Connection connection) {
        this.connection = connection;
    }

    /** Converts every {@code ACT_} table; {@code foreignKeys} are those of the parts present, from their create scripts. */
    int convert(Collection<SqlScript.ForeignKey> foreignKeys) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            boolean checksWereOn = foreignKeyChecks(sql);
            // the foreign keys come back as they were: the rows were checked when written, the tables are not read again
            sql.execute("SET SESSION foreign_key_checks = 0");
            try {
                Set<String> present = foreignKeysPresent(sql);
                for (SqlScript.ForeignKey key : foreignKeys) {
                    if (present.contains(key.name().toUpperCase(Locale.ROOT))) {
                        sql.execute("ALTER TABLE " + key.table() + " DROP FOREIGN KEY " + key.name());
                    }
                }
                List<Table> tables = tablesToConvert(sql);
                for (Table table : tables) {
                    sql.execute("ALTER TABLE " + table.name() + " CONVERT TO CHARACTER SET utf8mb4 COLLATE " + COLLATION
                            + (table.limitsKeysTo767Bytes() ? ", ROW_FORMAT=DYNAMIC" : ""));
                }
                present = foreignKeysPresent(sql);
                for (SqlScript.ForeignKey key : foreignKeys) {
                    if (!present.contains(key.name().toUpperCase(Locale.ROOT))) {
                        sql.execute(key.statement());
                    }
                }
                return tables.size();
            } finally {
                sql.execute("SET SESSION foreign_key_checks = " + (checksWereOn ? 1 : 0));
            }
        }
    }

    private static boolean foreignKeyChecks(Statement sql) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT @@SESSION.foreign_key_checks")) {
            rs.next();
            return rs.getInt(1) != 0;
        }
    }

    private static Set<String> foreignKeysPresent(Statement sql) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = sql.executeQuery("SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS "
                + "WHERE CONSTRAINT_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1).toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** Each {@code ACT_} table not yet in utf8mb4_bin. */
    private static List<Table> tablesToConvert(Statement sql) throws SQLException {
        List<Table> tables = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT TABLE_NAME, ROW_FORMAT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_TYPE = 'BASE TABLE' AND UPPER(TABLE_NAME) LIKE 'ACT\\_%' AND TABLE_COLLATION <> '" + COLLATION + "' "
                + "ORDER BY TABLE_NAME")) {
            while (rs.next()) {
                tables.add(new Table(rs.getString(1), rs.getString(2)));
            }
        }
        return tables;
    }

    private record Table(String name, String rowFormat) {

        /** COMPACT and REDUNDANT, the formats from before MySQL 5.7.9 made DYNAMIC the default, refuse index keys over 767 bytes. */
        boolean limitsKeysTo767Bytes() {
            return "Compact".equalsIgnoreCase(rowFormat) || "Redundant".equalsIgnoreCase(rowFormat);
        }
    }
}
