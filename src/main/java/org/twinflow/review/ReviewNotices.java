package org.twinflow.review;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.twinflow.notification.Notice;
import org.twinflow.notification.NoticeDetails;
import org.twinflow.notification.NoticeDetailsSource;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.ProcessTimingProperties;

/** The reviewer's deadline; for an overdue review, from when the secretariat may give it to someone else. */
@Component
class ReviewNotices implements NoticeDetailsSource {

    private final ReviewService reviews;
    private final ProcessTimingProperties timings;

    ReviewNotices(ReviewService reviews, ProcessTimingProperties timings) {
        this.reviews = reviews;
        this.timings = timings;
    }

    @Override
    public Set<Notice> notices() {
        return Set.of(Notice.REVIEW_REMINDER, Notice.REVIEW_EXTENDED, Notice.REVIEW_OVERDUE);
    }

    @Override
    public NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId) {
        return NoticeDetails.deadline(reviews.dueDateOf(proposal.id(), reviewerId)
                .map(due -> notice == Notice.REVIEW_OVERDUE ? due.plus(timings.reviewEscalationAfter()) : due)
                .map(DisplayDates::dateTime)
                .orElse(null));
    }
}
