package org.twinflow.approval;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.twinflow.notification.Notice;
import org.twinflow.notification.NoticeDetails;
import org.twinflow.notification.NoticeDetailsSource;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.review.ReviewService;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.ProcessTimingProperties;

/** The committee's feedback, conditions and the overall score, and for a revision its deadline. */
@Component
class DecisionNotices implements NoticeDetailsSource {

    private final CommitteeDecisions decisions;
    private final ReviewService reviews;
    private final ProcessTimingProperties timings;

    DecisionNotices(CommitteeDecisions decisions, ReviewService reviews, ProcessTimingProperties timings) {
        this.decisions = decisions;
        this.reviews = reviews;
        this.timings = timings;
    }

    @Override
    public Set<Notice> notices() {
        return Set.of(Notice.PROPOSAL_APPROVED, Notice.PROPOSAL_REJECTED, Notice.REVISION_REQUESTED);
    }

    @Override
    public NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId) {
        DecisionRecord decision = decisions.of(proposal.id())
                .orElseThrow(() -> new IllegalStateException("Notice " + notice + " of " + proposal.reference() + " without a decision"));
        String deadline = notice == Notice.REVISION_REQUESTED ? DisplayDates.dateTime(decision.revisionDue(timings.revisionDeadline())) : null;
        return new NoticeDetails(null, deadline, List.of(), blankToNull(decision.feedback()), blankToNull(decision.conditions()),
                reviews.scoreSummaryOf(proposal.id()).map(scores -> scores.overall().toPlainString()).orElse(null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
