package org.twinflow.screening;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ApplicantActionSource;
import org.twinflow.proposal.ApplicantScope;
import org.twinflow.proposal.ProposalStatus;

/**
 * A clarification request waits for the applicant's answer until the deadline stored with the question, which the
 * process's timers also read ({@code clarificationDueAt}).
 */
@Component
class ClarificationActions implements ApplicantActionSource {

    private final JdbcTemplate jdbc;

    ClarificationActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        jdbc.query("SELECT c.proposal_id, c.deadline FROM clarification c JOIN proposal p ON p.id = c.proposal_id WHERE " + scope.condition()
                + " AND p.status = ? AND c.answered_at IS NULL ORDER BY c.asked_at, c.id",
                rs -> {
                    // the last open question wins, as in ScreeningService.openClarification
                    actions.put(rs.getLong("proposal_id"), ApplicantAction.until(ApplicantAction.Kind.ANSWER_CLARIFICATION,
                            rs.getTimestamp("deadline").toInstant()));
                }, scope.key(), ProposalStatus.CLARIFICATION_REQUESTED.name());
        return actions;
    }
}
