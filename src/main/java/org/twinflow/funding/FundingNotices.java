package org.twinflow.funding;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.twinflow.notification.Notice;
import org.twinflow.notification.NoticeDetails;
import org.twinflow.notification.NoticeDetailsSource;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.review.ReviewService;

/** The committee's feedback (and conditions, should it be funded later) to a proposal put on the reserve list. */
@Component
class FundingNotices implements NoticeDetailsSource {

    private final FundingService funding;
    private final ReviewService reviews;

    FundingNotices(FundingService funding, ReviewService reviews) {
        this.funding = funding;
        this.reviews = reviews;
    }

    @Override
    public Set<Notice> notices() {
        return Set.of(Notice.PROPOSAL_ON_RESERVE_LIST);
    }

    @Override
    public NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId) {
        return funding.reserveEntryOf(proposal.id())
                .map(entry -> new NoticeDetails(null, null, List.of(), entry.feedback(), blankToNull(entry.conditions()),
                        reviews.scoreSummaryOf(proposal.id()).map(scores -> scores.overall().toPlainString()).orElse(null)))
                .orElse(NoticeDetails.NONE);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
