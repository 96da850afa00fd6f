package org.twinflow.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.twinflow.notification.Notice;
import org.twinflow.notification.NoticeDetails;
import org.twinflow.notification.NoticeDetailsSource;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.ProcessTimingProperties;

/** The committee's feedback, conditions and the overall score, and for a revision its deadline. */
@Component
class DecisionNotices implements NoticeDetailsSource {

    private final ProcessTimingProperties timings;
    private final Clock clock;

    DecisionNotices(ProcessTimingProperties timings, Clock clock) {
        this.timings = timings;
        this.clock = clock;
    }

    @Override
    public Set<Notice> notices() {
        return Set.of(Notice.PROPOSAL_APPROVED, Notice.PROPOSAL_REJECTED, Notice.REVISION_REQUESTED);
    }

    @Override
    public NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId) {
        String deadline = null;
        if (notice == Notice.REVISION_REQUESTED) {
            Instant due = proposal.revisionDue(timings.revisionDeadline());
            deadline = DisplayDates.dateTime(due == null ? clock.instant().plus(timings.revisionDeadline()) : due);
        }
        return new NoticeDetails(null, deadline, List.of(), blankToNull(proposal.decisionFeedback()),
                blankToNull(proposal.decisionConditions()),
                proposal.scoreOverall() == null ? null : proposal.scoreOverall().toPlainString());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
