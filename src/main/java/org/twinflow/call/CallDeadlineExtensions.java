package org.twinflow.call;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code call_deadline_extension}: the history of a call's deadline. Kept apart from the call's aggregate, so that
 * reading a call (every submission does, twice) is one statement, not two.
 */
@Repository
class CallDeadlineExtensions {

    private final JdbcTemplate jdbc;

    CallDeadlineExtensions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends an extension; the caller holds the call's row lock, so positions do not collide. */
    void add(Long callId, CallDeadlineExtension extension) {
        jdbc.update("""
                INSERT INTO call_deadline_extension (call_id, position, previous_closes_at, new_closes_at, reason, extended_by, extended_at)
                SELECT ?, COALESCE(MAX(position), -1) + 1, ?, ?, ?, ?, ? FROM call_deadline_extension WHERE call_id = ?""",
                callId, Timestamp.from(extension.previousClosesAt()), Timestamp.from(extension.newClosesAt()), extension.reason(),
                extension.extendedBy(), Timestamp.from(extension.extendedAt()), callId);
    }

    List<CallDeadlineExtension> of(Long callId) {
        return jdbc.query("""
                SELECT previous_closes_at, new_closes_at, reason, extended_by, extended_at FROM call_deadline_extension
                WHERE call_id = ? ORDER BY position""",
                (rs, row) -> new CallDeadlineExtension(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()), callId);
    }
}
