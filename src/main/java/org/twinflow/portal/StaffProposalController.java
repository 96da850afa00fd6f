package org.twinflow.portal;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.twinflow.document.DocumentService;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalNotFoundException;
import org.twinflow.proposal.ProposalService;

/**
 * The full proposal with its documents for staff, linked from every Camunda Form (Tasklist cannot
 * show files). Anyone who may not open it gets 404, like an unknown reference.
 */
@Controller
class StaffProposalController {

    static final String VIEW_PROPOSAL = "staff/proposal";

    private final StaffProposalAccess access;
    private final ProposalService proposals;
    private final ProposalPageModel pageModel;
    private final DocumentService documents;

    StaffProposalController(StaffProposalAccess access, ProposalService proposals, ProposalPageModel pageModel,
            DocumentService documents) {
        this.access = access;
        this.proposals = proposals;
        this.pageModel = pageModel;
        this.documents = documents;
    }

    @GetMapping("/staff/proposals/{reference}")
    String showProposal(@PathVariable String reference, Authentication user, Locale locale, Model model) {
        Proposal proposal = proposal(reference, user);
        boolean seesReviews = access.seesReviews(user);
        model.addAttribute("page", pageModel.forStaff(proposal, locale, seesReviews));
        model.addAttribute("seesReviews", seesReviews);
        return VIEW_PROPOSAL;
    }

    @GetMapping("/staff/proposals/{reference}/documents/{documentId}")
    ResponseEntity<byte[]> downloadDocument(@PathVariable String reference, @PathVariable Long documentId, Authentication user) {
        return DocumentDownload.of(documents, proposal(reference, user).getId(), documentId);
    }

    private Proposal proposal(String reference, Authentication user) {
        if (!access.mayOpen(user, reference)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            return proposals.byReference(reference);
        } catch (ProposalNotFoundException unknown) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
