package org.twinflow.followup;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ApplicantActionSource;
import org.twinflow.proposal.ApplicantScope;
import org.twinflow.proposal.ProposalStatus;

/**
 * An approved partnership waits for the signed agreement until the deadline stored when it was requested or extended
 * ({@link AgreementDue}); once it has passed, the secretariat decides and nothing can be uploaded.
 */
@Component
class AgreementActions implements ApplicantActionSource {

    private final JdbcTemplate jdbc;
    private final AgreementDue agreementDue;
    private final Clock clock;

    AgreementActions(JdbcTemplate jdbc, AgreementDue agreementDue, Clock clock) {
        this.jdbc = jdbc;
        this.agreementDue = agreementDue;
        this.clock = clock;
    }

    @Override
    public Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        Instant now = clock.instant();
        Map<Long, Instant> stored = new LinkedHashMap<>();
        jdbc.query("SELECT p.id, f.agreement_due_at FROM proposal p LEFT JOIN partnership_follow_up f ON f.proposal_id = p.id WHERE "
                + scope.condition() + " AND p.status = ?",
                rs -> {
                    stored.put(rs.getLong("id"), instant(rs.getTimestamp("agreement_due_at")));
                }, scope.key(), ProposalStatus.AGREEMENT_PENDING.name());
        // one more query per partnership only for those approved under process 1.0, which stored no deadline
        stored.forEach((id, due) -> actions.put(id, ApplicantAction.agreement(agreementDue.of(id, due), now)));
        return actions;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
