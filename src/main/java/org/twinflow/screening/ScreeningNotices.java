package org.twinflow.screening;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.twinflow.notification.Notice;
import org.twinflow.notification.NoticeDetails;
import org.twinflow.notification.NoticeDetailsSource;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.system.DisplayDates;

/** The open clarification's question and deadline, and the eligibility decision's reasons. */
@Component
class ScreeningNotices implements NoticeDetailsSource {

    private final ScreeningService screening;

    ScreeningNotices(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public Set<Notice> notices() {
        return Set.of(Notice.CLARIFICATION_REQUESTED, Notice.CLARIFICATION_REMINDER, Notice.PROPOSAL_INELIGIBLE);
    }

    @Override
    public NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId) {
        if (notice == Notice.PROPOSAL_INELIGIBLE) {
            List<String> reasons = screening.ineligibilityReasonsOf(proposal.id()).stream().map(reason -> "mail.reason." + reason).toList();
            return new NoticeDetails(null, null, reasons, null, null, null);
        }
        Optional<Clarification> open = screening.openClarification(proposal.id());
        return new NoticeDetails(open.map(Clarification::getQuestion).orElse(null),
                open.map(c -> DisplayDates.dateTime(c.getDeadline())).orElse(null), List.of(), null, null, null);
    }
}
