package org.twinflow.screening;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code eligibility_outcome}: why a proposal was found ineligible, as reason codes. */
@Repository
class EligibilityOutcomes {

    private final JdbcTemplate jdbc;

    EligibilityOutcomes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void saveIneligible(Long proposalId, List<String> reasons, Instant now) {
        // an ineligible proposal's process ends: the outcome is recorded once
        jdbc.update("INSERT INTO eligibility_outcome (proposal_id, reasons, decided_at) VALUES (?, ?, ?)", proposalId,
                String.join(",", reasons), Timestamp.from(now));
    }

    List<String> reasonsOf(Long proposalId) {
        return jdbc.query("SELECT reasons FROM eligibility_outcome WHERE proposal_id = ?", (rs, n) -> rs.getString("reasons"), proposalId)
                .stream().findFirst().map(reasons -> List.of(reasons.split(","))).orElse(List.of());
    }
}
