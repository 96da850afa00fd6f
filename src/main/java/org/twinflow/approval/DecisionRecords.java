package org.twinflow.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code proposal_decision}: one row per decided proposal, its latest decision. */
@Repository
class DecisionRecords {

    private static final String COLUMNS = "proposal_id, decision, conditions, feedback, decided_at, revision_due_at";

    private final JdbcTemplate jdbc;

    DecisionRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the decision, replacing an earlier one of the same proposal (decided again after a revision). */
    void save(Long proposalId, Decision decision, String conditions, String feedback, Instant decidedAt) {
        // a proposal is decided by one task at a time (the task's row lock), so update-then-insert cannot race
        int updated = jdbc.update("UPDATE proposal_decision SET decision = ?, conditions = ?, feedback = ?, decided_at = ?, revision_due_at = NULL "
                + "WHERE proposal_id = ?", decision.value(), conditions, feedback, Timestamp.from(decidedAt), proposalId);
        if (updated == 0) {
            jdbc.update("INSERT INTO proposal_decision (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, NULL)", proposalId, decision.value(), conditions,
                    feedback, Timestamp.from(decidedAt));
        }
    }

    void saveRevisionDue(Long proposalId, Instant due) {
        if (jdbc.update("UPDATE proposal_decision SET revision_due_at = ? WHERE proposal_id = ?", Timestamp.from(due), proposalId) != 1) {
            throw new IllegalStateException("No decision of proposal " + proposalId + " to set a revision deadline on");
        }
    }

    Optional<DecisionRecord> find(Long proposalId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM proposal_decision WHERE proposal_id = ?", DecisionRecords::record, proposalId)
                .stream().findFirst();
    }

    static DecisionRecord record(ResultSet rs, int row) throws SQLException {
        String value = rs.getString("decision");
        long proposalId = rs.getLong("proposal_id");
        Decision decision = Arrays.stream(Decision.values()).filter(d -> d.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown decision " + value + " of proposal " + proposalId));
        return new DecisionRecord(proposalId, decision, rs.getString("conditions"), rs.getString("feedback"),
                instant(rs.getTimestamp("decided_at")), instant(rs.getTimestamp("revision_due_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
