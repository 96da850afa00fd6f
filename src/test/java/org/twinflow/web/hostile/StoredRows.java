package org.twinflow.web.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the portal's forms can store, counted in one statement: the rows of Twinflow's tables and of Camunda's users,
 * process instances, tasks and variables, and the changes a form makes without adding a row (an answer, a submitted
 * report, a new version of a proposal or call). The same counts before and after a refused request: nothing stored.
 */
final class StoredRows {

    private static final List<String> TABLES = List.of("city", "city_account", "proposal", "partner_city", "expected_result",
            "proposal_sdg", "document", "clarification", "report", "indicator_value", "timeline_entry", "form_submission",
            "call_for_proposals", "call_deadline_extension", "notification", "reference_counter", "ACT_ID_USER",
            "ACT_ID_MEMBERSHIP", "ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_JOB", "ACT_HI_PROCINST",
            "ACT_GE_BYTEARRAY");
    private static final Map<String, String> CHANGES = Map.of(
            "clarifications answered", "SELECT COUNT(*) FROM clarification WHERE answered_at IS NOT NULL",
            "reports submitted", "SELECT COUNT(*) FROM report WHERE submitted_at IS NOT NULL",
            "proposal versions", "SELECT COALESCE(SUM(version), 0) FROM proposal",
            "call versions", "SELECT COALESCE(SUM(version), 0) FROM call_for_proposals",
            "reference counters", "SELECT COALESCE(SUM(last_value), 0) FROM reference_counter");

    private final JdbcTemplate jdbc;
    private final List<String> labels;
    private final String query;

    StoredRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        Map<String, String> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, "SELECT COUNT(*) FROM " + table));
        counts.putAll(CHANGES);
        this.labels = List.copyOf(counts.keySet());
        this.query = "SELECT " + counts.values().stream().map(count -> "(" + count + ")").collect(Collectors.joining(", "));
    }

    Map<String, Long> count() {
        return jdbc.query(query, rs -> {
            rs.next();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                counts.put(labels.get(i), rs.getLong(i + 1));
            }
            return counts;
        });
    }
}
