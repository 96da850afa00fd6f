package org.twinflow.portal;

import java.security.Principal;
import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.twinflow.document.DocumentService;
import org.twinflow.proposal.Proposal;

/** The applicant's proposal page and downloads of its documents; only the city's own proposals. */
@Controller
class ProposalPageController {

    static final String VIEW_PAGE = "proposals/view";

    private final ProposalPageAccess access;
    private final ProposalPageModel pageModel;
    private final DocumentService documents;

    ProposalPageController(ProposalPageAccess access, ProposalPageModel pageModel, DocumentService documents) {
        this.access = access;
        this.pageModel = pageModel;
        this.documents = documents;
    }

    @GetMapping("/proposals/{reference}")
    String showProposal(@PathVariable String reference, Principal principal, Locale locale, Model model) {
        Proposal proposal = access.ownProposal(reference, principal);
        pageModel.populate(model, proposal, locale);
        return VIEW_PAGE;
    }

    @GetMapping("/proposals/{reference}/documents/{documentId}")
    ResponseEntity<byte[]> downloadDocument(@PathVariable String reference, @PathVariable Long documentId, Principal principal) {
        Proposal proposal = access.ownProposal(reference, principal);
        return DocumentDownload.of(documents, proposal.getId(), documentId);
    }
}
