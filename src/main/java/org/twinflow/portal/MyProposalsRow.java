package org.twinflow.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ProposalStatus;

/**
 * One line of "My proposals".
 *
 * @param callDeadline the call's deadline in its time zone (CallDates), shown for drafts
 * @param callClosed whether the call has closed: a draft in it can no longer be submitted
 */
record MyProposalsRow(Long id, String reference, String title, List<String> partnerCities, ProposalStatus status,
        Instant updatedAt, ApplicantAction action, String callReference, String callTitle, String callDeadline, boolean callClosed) {

    public ZonedDateTime updatedAtUtc() {
        return updatedAt.atZone(ZoneOffset.UTC);
    }

    public boolean isDraft() {
        return status == ProposalStatus.DRAFT;
    }
}
