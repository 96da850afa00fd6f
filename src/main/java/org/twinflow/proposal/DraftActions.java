package org.twinflow.proposal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A draft waits for the applicant to finish and submit it; it has no deadline. */
@Component
class DraftActions implements ApplicantActionSource {

    private final JdbcTemplate jdbc;

    DraftActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        jdbc.query("SELECT p.id FROM proposal p WHERE " + scope.condition() + " AND p.status = ?",
                rs -> {
                    actions.put(rs.getLong("id"), ApplicantAction.finishDraft());
                }, scope.key(), ProposalStatus.DRAFT.name());
        return actions;
    }
}
