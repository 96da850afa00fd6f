package org.twinflow.proposal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A draft waits for the applicant to finish and submit it, until its call's deadline; a draft whose call has closed
 * can no longer be submitted, so it awaits nothing.
 */
@Component
class DraftActions implements ApplicantActionSource {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DraftActions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        jdbc.query("SELECT p.id FROM proposal p JOIN call_for_proposals c ON c.id = p.call_id WHERE " + scope.condition()
                        + " AND p.status = ? AND c.closes_at > ?",
                rs -> {
                    actions.put(rs.getLong("id"), ApplicantAction.finishDraft());
                }, scope.key(), ProposalStatus.DRAFT.name(), Timestamp.from(clock.instant()));
        return actions;
    }
}
