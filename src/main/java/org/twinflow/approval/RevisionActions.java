package org.twinflow.approval;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ApplicantActionSource;
import org.twinflow.proposal.ApplicantScope;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.ProcessTimingProperties;

/**
 * A proposal returned for revision waits for the revised version until the revision's due date, stored when the
 * process armed its timer ({@link RevisionDeadlines}), kept with the decision.
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
        jdbc.query("SELECT d.* FROM proposal_decision d JOIN proposal p ON p.id = d.proposal_id WHERE " + scope.condition() + " AND p.status = ?",
                rs -> {
                    DecisionRecord decision = DecisionRecords.record(rs, 0);
                    actions.put(decision.proposalId(), ApplicantAction.until(ApplicantAction.Kind.REVISE,
                            decision.revisionDue(timings.revisionDeadline())));
                }, scope.key(), ProposalStatus.REVISION_REQUESTED.name());
        return actions;
    }
}
