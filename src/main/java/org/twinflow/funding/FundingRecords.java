package org.twinflow.funding;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.twinflow.proposal.ProposalStatus;

/** The candidates of a call's funding decision, and the table {@code funding_reserve}: the call's reserve list. */
@Repository
class FundingRecords {

    private static final String RESERVE_COLUMNS = """
            SELECT r.proposal_id, p.reference, p.title, c.name AS city, p.requested_amount, r.position, r.conditions, r.feedback
            FROM funding_reserve r JOIN proposal p ON p.id = r.proposal_id JOIN city c ON c.id = p.lead_city_id""";

    private static final RowMapper<ReserveEntry> RESERVE = (rs, row) -> new ReserveEntry(rs.getLong("proposal_id"), rs.getString("reference"),
            rs.getString("title"), rs.getString("city"), rs.getBigDecimal("requested_amount"), rs.getInt("position"),
            rs.getString("conditions"), rs.getString("feedback"));

    private final JdbcTemplate jdbc;

    FundingRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The call's proposals waiting for the funding decision, with their aggregated scores (none: null). */
    List<FundingCandidate> candidatesOf(Long callId) {
        return jdbc.query("""
                SELECT p.id, p.reference, p.title, c.name AS city, s.overall, s.spread, p.requested_amount, p.submitted_at
                FROM proposal p JOIN city c ON c.id = p.lead_city_id LEFT JOIN score_summary s ON s.proposal_id = p.id
                WHERE p.call_id = ? AND p.status = ?
                ORDER BY p.id""",
                (rs, row) -> new FundingCandidate(rs.getLong("id"), rs.getString("reference"), rs.getString("title"), rs.getString("city"),
                        rs.getBigDecimal("overall"), rs.getBigDecimal("spread"), rs.getBigDecimal("requested_amount"),
                        instant(rs.getTimestamp("submitted_at"))),
                callId, ProposalStatus.AWAITING_FUNDING_DECISION.name());
    }

    void placeOnReserve(Long callId, Long proposalId, int position, String conditions, String feedback, Instant now) {
        jdbc.update("INSERT INTO funding_reserve (proposal_id, call_id, position, conditions, feedback, placed_at) VALUES (?, ?, ?, ?, ?, ?)",
                proposalId, callId, position, conditions, feedback, Timestamp.from(now));
    }

    /** The call's reserve list in the committee's order. */
    List<ReserveEntry> reserveOf(Long callId) {
        return jdbc.query(RESERVE_COLUMNS + " WHERE r.call_id = ? ORDER BY r.position, r.proposal_id", RESERVE, callId);
    }

    Optional<ReserveEntry> reserveEntryOf(Long proposalId) {
        return jdbc.query(RESERVE_COLUMNS + " WHERE r.proposal_id = ?", RESERVE, proposalId).stream().findFirst();
    }

    void leaveReserve(Long proposalId) {
        jdbc.update("DELETE FROM funding_reserve WHERE proposal_id = ?", proposalId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
