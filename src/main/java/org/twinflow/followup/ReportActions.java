package org.twinflow.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ApplicantActionSource;
import org.twinflow.proposal.ApplicantScope;
import org.twinflow.proposal.ProposalStatus;

/**
 * A partnership in implementation waits for the first report whose period has ended and that awaits submission
 * (planned, or sent back for changes): due on its stored due date, overdue after it. The final report comes first.
 */
@Component
class ReportActions implements ApplicantActionSource {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReportActions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        jdbc.query("SELECT r.id, r.proposal_id, r.kind, r.period_number, r.due_date FROM report r JOIN proposal p ON p.id = r.proposal_id "
                + "WHERE " + scope.condition() + " AND p.status IN (?, ?) AND r.status IN (?, ?) AND r.period_end <= ? "
                + "ORDER BY r.proposal_id, r.kind DESC, r.period_number",
                rs -> {
                    actions.putIfAbsent(rs.getLong("proposal_id"), ApplicantAction.report(rs.getLong("id"),
                            ReportKind.valueOf(rs.getString("kind")).name(), rs.getInt("period_number"), rs.getDate("due_date").toLocalDate(),
                            today));
                }, scope.key(), ProposalStatus.IN_IMPLEMENTATION.name(), ProposalStatus.FINAL_REPORTING.name(),
                ReportStatus.PLANNED.name(), ReportStatus.CHANGES_REQUESTED.name(), java.sql.Date.valueOf(today));
        return actions;
    }
}
