package org.twinflow.followup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.twinflow.notification.Notice;
import org.twinflow.notification.NoticeDetails;
import org.twinflow.notification.NoticeDetailsSource;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.system.DisplayDates;

/** The signed agreement's deadline, and the due date of the report a notice is about. */
@Component
class FollowUpNotices implements NoticeDetailsSource {

    private final FollowUpService followUp;
    private final AgreementDue agreementDue;
    private final Clock clock;

    FollowUpNotices(FollowUpService followUp, AgreementDue agreementDue, Clock clock) {
        this.followUp = followUp;
        this.agreementDue = agreementDue;
        this.clock = clock;
    }

    @Override
    public Set<Notice> notices() {
        return Set.of(Notice.AGREEMENT_DUE, Notice.AGREEMENT_REJECTED, Notice.AGREEMENT_REMINDER, Notice.AGREEMENT_EXTENDED,
                Notice.REPORT_DUE, Notice.REPORT_OVERDUE, Notice.REPORT_ESCALATED, Notice.FINAL_REPORT_DUE);
    }

    @Override
    public NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId) {
        return NoticeDetails.deadline(switch (notice) {
            case AGREEMENT_DUE, AGREEMENT_REJECTED, AGREEMENT_REMINDER, AGREEMENT_EXTENDED -> {
                Instant due = agreementDue.of(proposal.id());
                yield due == null ? null : DisplayDates.dateTime(due);
            }
            case REPORT_DUE, REPORT_OVERDUE -> reportDue(proposal.id(), ReportKind.PROGRESS);
            case REPORT_ESCALATED -> {
                String progress = reportDue(proposal.id(), ReportKind.PROGRESS);
                yield progress != null ? progress : reportDue(proposal.id(), ReportKind.FINAL);
            }
            case FINAL_REPORT_DUE -> reportDue(proposal.id(), ReportKind.FINAL);
            default -> null;
        });
    }

    /** The due date of the earliest open report of that kind whose period has ended (the one the notice is about). */
    private String reportDue(Long proposalId, ReportKind kind) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return followUp.reportsOf(proposalId).stream()
                .filter(r -> r.getKind() == kind)
                .filter(r -> r.getStatus() == ReportStatus.PLANNED || r.getStatus() == ReportStatus.CHANGES_REQUESTED)
                .filter(r -> !r.getPeriodEnd().isAfter(today))
                .map(Report::getDueDate)
                .min(LocalDate::compareTo)
                .map(DisplayDates::date)
                .orElse(null);
    }
}
