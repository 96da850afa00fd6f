package org.twinflow.portal;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.twinflow.account.CityAccounts;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalNotFoundException;
import org.twinflow.proposal.ProposalService;

/** The signed-in officer's own proposal; any other reference answers 404, never 403, so that it reveals nothing. */
@Component
class ProposalPageAccess {

    private final CityAccounts cityAccounts;
    private final ProposalService proposals;

    ProposalPageAccess(CityAccounts cityAccounts, ProposalService proposals) {
        this.cityAccounts = cityAccounts;
        this.proposals = proposals;
    }

    Proposal ownProposal(String reference, Principal principal) {
        Long cityId = cityAccounts.requireCityOf(principal.getName()).getId();
        try {
            return proposals.byReferenceForCity(reference, cityId);
        } catch (ProposalNotFoundException notOurs) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
