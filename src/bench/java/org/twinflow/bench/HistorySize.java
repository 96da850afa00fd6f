package org.twinflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What finished proposals leave behind in the engine's history: rows and bytes per table of every ACT_HI_* table
 * and the history byte arrays (ACT_GE_BYTEARRAY), found by root process instance. Bytes are the stored values
 * (OCTET_LENGTH of each column), without the indexes' and pages' overhead.
 */
final class HistorySize {

    private HistorySize() {
    }

    static Map<String, Object> perProposal(Connection connection, String schema, List<String> rootInstanceIds) throws SQLException {
        Map<String, Object> tables = new LinkedHashMap<>();
        long rows = 0;
        long bytes = 0;
        for (String table : tablesWithRootInstance(connection, schema)) {
            long[] size = size(connection, schema, table, rootInstanceIds);
            if (size[0] > 0) {
                tables.put(table, Map.of("rowsPerProposal", round(size[0] / (double) rootInstanceIds.size()),
                        "bytesPerProposal", Math.round(size[1] / (double) rootInstanceIds.size())));
            }
            rows += size[0];
            bytes += size[1];
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("finishedProposals", rootInstanceIds.size());
        result.put("rowsPerProposal", round(rows / (double) rootInstanceIds.size()));
        result.put("bytesPerProposal", Math.round(bytes / (double) rootInstanceIds.size()));
        result.put("tables", tables);
        return result;
    }

    private static List<String> tablesWithRootInstance(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? "
                + "AND COLUMN_NAME = 'ROOT_PROC_INST_ID_' AND (TABLE_NAME LIKE 'ACT\\_HI\\_%' OR TABLE_NAME = 'ACT_GE_BYTEARRAY') ORDER BY TABLE_NAME")) {
            query.setString(1, schema);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
        }
        return tables;
    }

    private static long[] size(Connection connection, String schema, String table, List<String> rootInstanceIds) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    columns.add("COALESCE(OCTET_LENGTH(`" + result.getString(1) + "`), 0)");
                }
            }
        }
        String in = String.join(",", Collections.nCopies(rootInstanceIds.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(" + String.join(" + ", columns) + "), 0) FROM "
                + table + " WHERE ROOT_PROC_INST_ID_ IN (" + in + ")")) {
            for (int i = 0; i < rootInstanceIds.size(); i++) {
                query.setString(i + 1, rootInstanceIds.get(i));
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return new long[] {result.getLong(1), result.getLong(2)};
            }
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
