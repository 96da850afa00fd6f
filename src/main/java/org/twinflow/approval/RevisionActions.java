package org.twinflow.approval;

import java.sql.Timestamp;
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
 * A proposal returned for revision waits for the revised version until the revision's due date, stored when the
 * process armed its timer ({@link RevisionDeadlines}).
 */
@Component
class RevisionActions implements ApplicantActionSource {

    private final JdbcTemplate jdbc;
    private final ProcessTimingProperties timings;

    RevisionActions(JdbcTemplate jdbc, ProcessTimingProperties timings) {
        this.jdbc = jdbc;
        this.timings = timings;
    }

    @Override
    public Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        jdbc.query("SELECT p.id, p.revision_due_at, p.decided_at FROM proposal p WHERE " + scope.condition() + " AND p.status = ?",
                rs -> {
                    actions.put(rs.getLong("id"), ApplicantAction.until(ApplicantAction.Kind.REVISE,
                            Proposal.revisionDue(instant(rs.getTimestamp("revision_due_at")), instant(rs.getTimestamp("decided_at")),
                                    timings.revisionDeadline())));
                }, scope.key(), ProposalStatus.REVISION_REQUESTED.name());
        return actions;
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
