package org.twinflow.call;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.twinflow.notification.Notice;
import org.twinflow.notification.NoticeDetails;
import org.twinflow.notification.NoticeDetailsSource;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.proposal.ProposalService;

/** The deadline of the call a draft is in, for the reminders and the announcement of an extension. */
@Component
class CallNotices implements NoticeDetailsSource {

    private final CallService calls;
    private final ProposalService proposals;

    CallNotices(CallService calls, ProposalService proposals) {
        this.calls = calls;
        this.proposals = proposals;
    }

    @Override
    public Set<Notice> notices() {
        return Set.of(Notice.CALL_CLOSING_SOON, Notice.CALL_DEADLINE_EXTENDED);
    }

    @Override
    public NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId) {
        CallForProposals call = calls.byId(proposals.byId(proposal.id()).getCallId());
        return NoticeDetails.deadline(CallDates.format(call.getClosesAt(), call.getTimeZone()));
    }
}
