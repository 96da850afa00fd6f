package org.twinflow.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code score_summary}: one row per proposal whose reviews were aggregated, the latest aggregation. */
@Repository
class ScoreSummaries {

    private final JdbcTemplate jdbc;

    ScoreSummaries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the summary, replacing an earlier one of the same proposal (reviewed again after a revision). */
    void save(Long proposalId, ScoreSummary summary, Instant now) {
        // the aggregation runs in the process's job for one proposal at a time, so update-then-insert cannot race
        Object[] values = {summary.relevance(), summary.sdgContribution(), summary.feasibility(), summary.partnershipQuality(),
                summary.sustainability(), summary.overall(), summary.spread(), Timestamp.from(now), proposalId};
        if (jdbc.update("UPDATE score_summary SET relevance = ?, sdg_contribution = ?, feasibility = ?, partnership_quality = ?, "
                + "sustainability = ?, overall = ?, spread = ?, aggregated_at = ? WHERE proposal_id = ?", values) == 0) {
            jdbc.update("INSERT INTO score_summary (relevance, sdg_contribution, feasibility, partnership_quality, sustainability, overall, "
                    + "spread, aggregated_at, proposal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    Optional<ScoreSummary> find(Long proposalId) {
        return jdbc.query("SELECT relevance, sdg_contribution, feasibility, partnership_quality, sustainability, overall, spread "
                + "FROM score_summary WHERE proposal_id = ?", (rs, n) -> new ScoreSummary(rs.getBigDecimal("relevance"),
                        rs.getBigDecimal("sdg_contribution"), rs.getBigDecimal("feasibility"), rs.getBigDecimal("partnership_quality"),
                        rs.getBigDecimal("sustainability"), rs.getBigDecimal("overall"), rs.getBigDecimal("spread")), proposalId)
                .stream().findFirst();
    }
}
