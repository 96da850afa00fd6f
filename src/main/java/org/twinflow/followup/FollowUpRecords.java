package org.twinflow.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code partnership_follow_up}: one row per partnership in follow-up, made by its first fact. */
@Repository
class FollowUpRecords {

    private final JdbcTemplate jdbc;

    FollowUpRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void agreementDue(Long proposalId, Instant due) {
        set(proposalId, "agreement_due_at = ?", Timestamp.from(due));
    }

    void agreementUploaded(Long proposalId, String fileName, Instant at) {
        // a corrected agreement replaces the earlier one, whose verification no longer holds
        set(proposalId, "agreement_file_name = ?, agreement_uploaded_at = ?, agreement_verified_at = NULL", fileName, Timestamp.from(at));
    }

    void agreementVerified(Long proposalId, Instant at) {
        set(proposalId, "agreement_verified_at = ?", Timestamp.from(at));
    }

    void evaluation(Long proposalId, int rating, String summary) {
        set(proposalId, "evaluation_rating = ?, evaluation_summary = ?", rating, summary);
    }

    Optional<FollowUpRecord> find(Long proposalId) {
        return jdbc.query("SELECT agreement_due_at, agreement_file_name, agreement_uploaded_at, agreement_verified_at, evaluation_rating, "
                + "evaluation_summary FROM partnership_follow_up WHERE proposal_id = ?", (rs, n) -> new FollowUpRecord(proposalId,
                        instant(rs.getTimestamp("agreement_due_at")), rs.getString("agreement_file_name"),
                        instant(rs.getTimestamp("agreement_uploaded_at")), instant(rs.getTimestamp("agreement_verified_at")),
                        (Integer) rs.getObject("evaluation_rating", Integer.class), rs.getString("evaluation_summary")), proposalId)
                .stream().findFirst();
    }

    private void set(Long proposalId, String assignments, Object... values) {
        Object[] arguments = new Object[values.length + 1];
        System.arraycopy(values, 0, arguments, 0, values.length);
        arguments[values.length] = proposalId;
        String update = "UPDATE partnership_follow_up SET " + assignments + " WHERE proposal_id = ?";
        if (jdbc.update(update, arguments) == 0) {
            // the partnership's first fact (its agreement's deadline, set by the process): one writer at a time
            jdbc.update("INSERT INTO partnership_follow_up (proposal_id) VALUES (?)", proposalId);
            jdbc.update(update, arguments);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
