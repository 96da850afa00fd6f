package org.twinflow.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ProposalStatus;

/** One line of "My proposals". */
record MyProposalsRow(Long id, String reference, String title, List<String> partnerCities, ProposalStatus status,
        Instant updatedAt, ApplicantAction action) {

    public ZonedDateTime updatedAtUtc() {
        return updatedAt.atZone(ZoneOffset.UTC);
    }

    MyProposalsRow withAction(ApplicantAction pending) {
        return new MyProposalsRow(id, reference, title, partnerCities, status, updatedAt, pending);
    }
}
