package org.twinflow.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.followup.ReportKind;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.ProcessTimingProperties;

/**
 * Reads what the applicant owes from the database only (the status column, the clarification,
 * report and timeline tables), with a fixed number of queries whatever the number of proposals, so
 * "My proposals" never asks the engine once per row. The rules mirror the process's timers:
 * <ul>
 * <li>clarification: the open question's deadline;</li>
 * <li>revision: the decision's time plus {@code revision-deadline};</li>
 * <li>signed agreement: {@link Proposal#agreementDue}, the deadline the process's timers also use;</li>
 * <li>report: the first report whose period has ended and that awaits submission (planned or sent
 * back), due on its due date, overdue after it.</li>
 * </ul>
 */
@Component
class ApplicantActionFinder {

    private static final String BY_CITY = "p.lead_city_id = ?";
    private static final String BY_PROPOSAL = "p.id = ?";

    private final JdbcTemplate jdbc;
    private final ProcessTimingProperties timings;
    private final Clock clock;

    ApplicantActionFinder(JdbcTemplate jdbc, ProcessTimingProperties timings, Clock clock) {
        this.jdbc = jdbc;
        this.timings = timings;
        this.clock = clock;
    }

    /** The pending action per proposal id of a city's proposals; proposals that owe nothing are absent. */
    @Transactional(readOnly = true)
    Map<Long, ApplicantAction> forCity(Long cityId) {
        return find(BY_CITY, cityId);
    }

    @Transactional(readOnly = true)
    Optional<ApplicantAction> forProposal(Long proposalId) {
        return Optional.ofNullable(find(BY_PROPOSAL, proposalId).get(proposalId));
    }

    private Map<Long, ApplicantAction> find(String filter, Long key) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        Map<Long, ProposalStatus> statuses = new HashMap<>();
        Map<Long, Instant> decided = new HashMap<>();
        Map<Long, Instant> agreementDue = new HashMap<>();
        jdbc.query("SELECT p.id, p.status, p.decided_at, p.agreement_due_at FROM proposal p WHERE " + filter + " AND p.status IN "
                + "('DRAFT', 'CLARIFICATION_REQUESTED', 'REVISION_REQUESTED', 'AGREEMENT_PENDING', 'IN_IMPLEMENTATION', 'FINAL_REPORTING')",
                rs -> {
                    long id = rs.getLong("id");
                    statuses.put(id, ProposalStatus.valueOf(rs.getString("status")));
                    decided.put(id, instant(rs.getTimestamp("decided_at")));
                    agreementDue.put(id, instant(rs.getTimestamp("agreement_due_at")));
                }, key);
        if (statuses.isEmpty()) {
            return actions;
        }
        statuses.forEach((id, status) -> {
            switch (status) {
                case DRAFT -> actions.put(id, ApplicantAction.finishDraft());
                case REVISION_REQUESTED -> actions.put(id, ApplicantAction.until(ApplicantAction.Kind.REVISE,
                        plus(decided.get(id), timings.revisionDeadline())));
                case AGREEMENT_PENDING -> actions.put(id, ApplicantAction.agreement(
                        Proposal.agreementDue(agreementDue.get(id), decided.get(id), timings.agreementDeadline()), clock.instant()));
                default -> { }
            }
        });
        if (statuses.containsValue(ProposalStatus.CLARIFICATION_REQUESTED)) {
            jdbc.query("SELECT c.proposal_id, c.deadline FROM clarification c JOIN proposal p ON p.id = c.proposal_id WHERE " + filter
                    + " AND p.status = 'CLARIFICATION_REQUESTED' AND c.answered_at IS NULL ORDER BY c.asked_at, c.id",
                    rs -> {
                        // the last open question wins, as in ScreeningService.openClarification
                        actions.put(rs.getLong("proposal_id"),
                                ApplicantAction.until(ApplicantAction.Kind.ANSWER_CLARIFICATION, instant(rs.getTimestamp("deadline"))));
                    }, key);
        }
        if (statuses.containsValue(ProposalStatus.IN_IMPLEMENTATION) || statuses.containsValue(ProposalStatus.FINAL_REPORTING)) {
            LocalDate today = LocalDate.now(clock);
            jdbc.query("SELECT r.id, r.proposal_id, r.kind, r.period_number, r.due_date FROM report r JOIN proposal p ON p.id = r.proposal_id "
                    + "WHERE " + filter + " AND p.status IN ('IN_IMPLEMENTATION', 'FINAL_REPORTING') "
                    + "AND r.status IN ('PLANNED', 'CHANGES_REQUESTED') AND r.period_end <= ? "
                    + "ORDER BY r.proposal_id, r.kind DESC, r.period_number",
                    rs -> {
                        actions.putIfAbsent(rs.getLong("proposal_id"), ApplicantAction.report(rs.getLong("id"),
                                ReportKind.valueOf(rs.getString("kind")), rs.getInt("period_number"),
                                rs.getDate("due_date").toLocalDate(), today));
                    }, key, java.sql.Date.valueOf(today));
        }
        return actions;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant plus(Instant from, java.time.Duration duration) {
        return from == null ? null : from.plus(duration);
    }
}
