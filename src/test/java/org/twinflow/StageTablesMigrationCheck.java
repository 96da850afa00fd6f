package org.twinflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The migrations that move stages' facts off the proposal's row (V009 the decision to {@code proposal_decision}, V010 the
 * aggregated scores to {@code score_summary}, V011 the agreement and the final evaluation to {@code partnership_follow_up},
 * V012 the reasons of ineligibility to {@code eligibility_outcome}), and V013, which puts every proposal into the first call
 * on a database of the previous schema: the schema is migrated to V008,
 * filled as Twinflow wrote it then (a proposal approved with conditions, one returned for revision with its deadline,
 * one rejected, one decided before decision times were kept, one in screening, one found ineligible), then migrated to the latest version.
 * Every decision, score summary, agreement and evaluation must be in its stage's table as it was, proposals without have no row there,
 * and the proposal's old columns are gone.
 */
final class StageTablesMigrationCheck {

    // as the database holds them (UTC, without a zone), so that the check does not depend on the JVM's zone
    private static final LocalDateTime DECIDED = LocalDateTime.parse("2026-10-05T09:30:15.123456");
    private static final LocalDateTime REVISION_DUE = LocalDateTime.parse("2026-11-04T09:30:15.200");
    private static final LocalDateTime UPDATED = LocalDateTime.parse("2026-10-06T08:00");

    /** The first call's values as application.yaml passes them to V013 (spring.flyway.placeholders), with lead countries set. */
    static final Map<String, String> FIRST_CALL = Map.ofEntries(Map.entry("first-call-reference", "OPEN-2026"),
            Map.entry("first-call-title", "Open call for partnerships"), Map.entry("first-call-budget", "5000000"),
            Map.entry("first-call-opens-at", "2026-01-01 00:00:00"), Map.entry("first-call-closes-at", "2030-12-31 23:59:59"),
            Map.entry("lead-countries", "ID,PH,VN"), Map.entry("time-zone", "Asia/Jakarta"), Map.entry("currency", "EUR"),
            Map.entry("max-requested-amount", "150000"), Map.entry("max-funding-share", "0.8"), Map.entry("min-duration-months", "6"),
            Map.entry("max-duration-months", "36"), Map.entry("reviewer-count", "2"), Map.entry("reporting-interval", "P6M"));

    private StageTablesMigrationCheck() {
    }

    static void check(DataSource dataSource, Supplier<Connection> connections) throws SQLException {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").placeholders(FIRST_CALL).target("8").load().migrate();
        try (Connection connection = connections.get(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO city (id, name, country_code, government_type, contact_name, contact_email, created_at, version) "
                    + "VALUES (1, 'Semarang', 'ID', 'MUNICIPALITY', 'Rina Wulandari', 'kerja.sama@semarang.example', '2026-09-01 00:00:00', 0)");
            proposal(sql, 1, "AGREEMENT_PENDING", "'approve_with_conditions'", "'Report on the indicator yearly.'", "'Approved: a model for the region.'",
                    "'2026-10-05 09:30:15.123456'", "NULL");
            proposal(sql, 2, "REVISION_REQUESTED", "'return_for_revision'", "NULL", "'Clarify the partner roles – ☕ 𝄞.'",
                    "'2026-10-05 09:30:15.123456'", "'2026-11-04 09:30:15.2'");
            proposal(sql, 3, "REJECTED", "'reject'", "NULL", "'The budget is not realistic.'", "'2026-10-05 09:30:15.123456'", "NULL");
            proposal(sql, 4, "AGREEMENT_PENDING", "'approve'", "NULL", "'Approved.'", "NULL", "NULL");
            proposal(sql, 5, "IN_SCREENING", "NULL", "NULL", "NULL", "NULL", "NULL");
            proposal(sql, 6, "INELIGIBLE", "NULL", "NULL", "NULL", "NULL", "NULL");
            sql.execute("UPDATE proposal SET eligibility_reasons = 'NO_FOREIGN_PARTNER,TOO_LONG' WHERE id = 6");
            sql.execute("UPDATE proposal SET score_relevance = 4.5, score_sdg_contribution = 4, score_feasibility = 3.75, "
                    + "score_partnership_quality = 4.25, score_sustainability = 3.5, score_overall = 4.1, score_spread = 0.2 WHERE id IN (1, 2)");
            // aggregated before the spread was kept
            sql.execute("UPDATE proposal SET score_relevance = 2, score_sdg_contribution = 2, score_feasibility = 2, "
                    + "score_partnership_quality = 2, score_sustainability = 2, score_overall = 2 WHERE id = 3");
            // an approved partnership whose signed agreement was uploaded and verified and whose final report was evaluated,
            // and one approved under process 1.0 that has no deadline stored yet
            sql.execute("UPDATE proposal SET agreement_due_at = '2026-12-04 09:30:15.5', agreement_file_name = 'agreement – signed.pdf', "
                    + "agreement_uploaded_at = '2026-10-20 10:00:00', agreement_verified_at = '2026-10-21 11:00:00', evaluation_rating = 4, "
                    + "evaluation_summary = 'Delivered: 3 of 3 results.' WHERE id = 1");
        }

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").placeholders(FIRST_CALL).load().migrate();

        try (Connection connection = connections.get(); Statement sql = connection.createStatement()) {
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT proposal_id, decision, conditions, feedback, decided_at, revision_due_at "
                    + "FROM proposal_decision ORDER BY proposal_id")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4) + " | "
                            + rs.getObject(5, LocalDateTime.class) + " | " + rs.getObject(6, LocalDateTime.class));
                }
            }
            assertThat(rows).containsExactly(
                    "1 | approve_with_conditions | Report on the indicator yearly. | Approved: a model for the region. | " + DECIDED + " | null",
                    "2 | return_for_revision | null | Clarify the partner roles – ☕ 𝄞. | " + DECIDED + " | " + REVISION_DUE,
                    "3 | reject | null | The budget is not realistic. | " + DECIDED + " | null",
                    // decided before decision times were kept: the row's last change stands for it
                    "4 | approve | null | Approved. | " + UPDATED + " | null");
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getColumns(connection.getCatalog(), null,
                    connection.getMetaData().storesUpperCaseIdentifiers() ? "PROPOSAL" : "proposal", null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            List<String> scores = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT proposal_id, relevance, sdg_contribution, feasibility, partnership_quality, "
                    + "sustainability, overall, spread, aggregated_at FROM score_summary ORDER BY proposal_id")) {
                while (rs.next()) {
                    scores.add(rs.getLong(1) + " | " + rs.getBigDecimal(2) + " " + rs.getBigDecimal(3) + " " + rs.getBigDecimal(4) + " "
                            + rs.getBigDecimal(5) + " " + rs.getBigDecimal(6) + " | " + rs.getBigDecimal(7) + " | " + rs.getBigDecimal(8) + " | "
                            + rs.getObject(9, LocalDateTime.class));
                }
            }
            assertThat(scores).containsExactly(
                    "1 | 4.50 4.00 3.75 4.25 3.50 | 4.10 | 0.20 | " + UPDATED,
                    "2 | 4.50 4.00 3.75 4.25 3.50 | 4.10 | 0.20 | " + UPDATED,
                    "3 | 2.00 2.00 2.00 2.00 2.00 | 2.00 | 0.00 | " + UPDATED);
            List<String> followUps = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT proposal_id, agreement_due_at, agreement_file_name, agreement_uploaded_at, "
                    + "agreement_verified_at, evaluation_rating, evaluation_summary FROM partnership_follow_up ORDER BY proposal_id")) {
                while (rs.next()) {
                    followUps.add(rs.getLong(1) + " | " + rs.getObject(2, LocalDateTime.class) + " | " + rs.getString(3) + " | "
                            + rs.getObject(4, LocalDateTime.class) + " | " + rs.getObject(5, LocalDateTime.class) + " | " + rs.getObject(6) + " | "
                            + rs.getString(7));
                }
            }
            assertThat(followUps).containsExactly("1 | 2026-12-04T09:30:15.500 | agreement – signed.pdf | 2026-10-20T10:00 | 2026-10-21T11:00 | 4 | "
                    + "Delivered: 3 of 3 results.");
            List<String> ineligible = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT proposal_id, reasons, decided_at FROM eligibility_outcome ORDER BY proposal_id")) {
                while (rs.next()) {
                    ineligible.add(rs.getLong(1) + " | " + rs.getString(2) + " | " + rs.getObject(3, LocalDateTime.class));
                }
            }
            assertThat(ineligible).containsExactly("6 | NO_FOREIGN_PARTNER,TOO_LONG | " + UPDATED);
            assertThat(columns).contains("reference", "status", "title", "requested_amount", "updated_at")
                    .doesNotContain("eligibility_reasons")
                    .doesNotContain("decision", "decision_conditions", "decision_feedback", "decided_at", "revision_due_at")
                    .noneMatch(column -> column.startsWith("score_") || column.startsWith("agreement_") || column.startsWith("evaluation_"));

            // V013: one rolling call from the configuration, published, holding every proposal
            List<String> calls = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT id, reference, title, mode, thematic_areas, sdgs, lead_countries, opens_at, closes_at, "
                    + "time_zone, budget, currency, max_requested_amount, max_funding_share, min_duration_months, max_duration_months, "
                    + "reviewer_count, reporting_interval, published_at FROM call_for_proposals")) {
                while (rs.next()) {
                    calls.add(rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4) + " | " + rs.getString(5) + " | '"
                            + rs.getString(6) + "' | " + rs.getString(7) + " | " + rs.getObject(8, LocalDateTime.class) + " | "
                            + rs.getObject(9, LocalDateTime.class) + " | " + rs.getString(10) + " | " + rs.getBigDecimal(11) + " " + rs.getString(12)
                            + " | " + rs.getBigDecimal(13) + " | " + rs.getBigDecimal(14) + " | " + rs.getInt(15) + "-" + rs.getInt(16) + " | "
                            + rs.getInt(17) + " | " + rs.getString(18) + " | " + rs.getObject(19, LocalDateTime.class));
                }
            }
            assertThat(calls).containsExactly("OPEN-2026 | Open call for partnerships | ROLLING | "
                    + "MOBILITY,SDG_LOCALISATION,CLIMATE_DRR,TOURISM_CULTURE,LOCAL_ECONOMY | '' | ID,PH,VN | 2026-01-01T00:00 | 2030-12-31T23:59:59 | "
                    + "Asia/Jakarta | 5000000.00 EUR | 150000.00 | 0.8000 | 6-36 | 2 | P6M | 2026-01-01T00:00");
            List<String> callsOfProposals = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("SELECT p.id, c.reference FROM proposal p JOIN call_for_proposals c ON c.id = p.call_id ORDER BY p.id")) {
                while (rs.next()) {
                    callsOfProposals.add(rs.getLong(1) + " " + rs.getString(2));
                }
            }
            assertThat(callsOfProposals).containsExactly("1 OPEN-2026", "2 OPEN-2026", "3 OPEN-2026", "4 OPEN-2026", "5 OPEN-2026", "6 OPEN-2026");
            // every new proposal must name its call
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute("INSERT INTO proposal (reference, lead_city_id, "
                    + "partnership_type, title, currency, status, created_at, updated_at, version) VALUES ('TW-2026-0099', 1, 'TWINNING', 'x', "
                    + "'EUR', 'DRAFT', '2026-09-01 00:00:00', '2026-09-01 00:00:00', 0)")).isInstanceOf(SQLException.class);
        }
    }

    private static void proposal(Statement sql, long id, String status, String decision, String conditions, String feedback, String decidedAt,
            String revisionDueAt) throws SQLException {
        sql.execute("INSERT INTO proposal (id, reference, lead_city_id, partnership_type, title, currency, status, decision, "
                + "decision_conditions, decision_feedback, decided_at, revision_due_at, created_at, updated_at, version) VALUES (" + id
                + ", 'TW-2026-000" + id + "', 1, 'TWINNING', 'Proposal " + id + "', 'EUR', '" + status + "', " + decision + ", "
                + conditions + ", " + feedback + ", " + decidedAt + ", " + revisionDueAt + ", '2026-09-01 00:00:00', '2026-10-06 08:00:00', 0)");
    }
}
