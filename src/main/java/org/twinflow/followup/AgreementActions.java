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
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.ProcessTimingProperties;

/**
 * An approved partnership waits for the signed agreement until the deadline stored when it was requested or extended
 * ({@link AgreementDeadlines}); once it has passed, the secretariat decides and nothing can be uploaded.
 */
@Component
class AgreementActions implements ApplicantActionSource {

    private final JdbcTemplate jdbc;
    private final ProcessTimingProperties timings;
    private final Clock clock;

    AgreementActions(JdbcTemplate jdbc, ProcessTimingProperties timings, Clock clock) {
        this.jdbc = jdbc;
        this.timings = timings;
        this.clock = clock;
    }

    @Override
    public Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        Instant now = clock.instant();
        jdbc.query("SELECT p.id, p.agreement_due_at, p.decided_at FROM proposal p WHERE " + scope.condition() + " AND p.status = ?",
                rs -> {
                    actions.put(rs.getLong("id"), ApplicantAction.agreement(Proposal.agreementDue(instant(rs.getTimestamp("agreement_due_at")),
                            instant(rs.getTimestamp("decided_at")), timings.agreementDeadline()), now));
                }, scope.key(), ProposalStatus.AGREEMENT_PENDING.name());
        return actions;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
