package org.twinflow.portal.form;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentRejectedException;
import org.twinflow.document.DocumentService;
import org.twinflow.portal.ChosenFile;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ProposalService;

/**
 * What one press of a button on the proposal form does, in one transaction: the proposal's content,
 * its new attachments and (when submitting) the submission with the start of its process are stored
 * together or not at all. A refused attachment therefore leaves no half-saved draft behind.
 */
@Service
class ProposalFormService {

    /** A file chosen in one of the form's file inputs. */
    record Attachment(String field, DocumentKind kind, MultipartFile file) {
    }

    private final ProposalService proposals;
    private final DocumentService documents;

    ProposalFormService(ProposalService proposals, DocumentService documents) {
        this.proposals = proposals;
        this.documents = documents;
    }

    /** Creates the draft ({@code reference} null) or updates it, and stores the attachments. */
    @Transactional
    public Proposal saveDraft(String reference, ProposalDraft draft, List<Attachment> attachments, String userId) {
        Proposal proposal = reference == null ? proposals.createDraft(draft) : proposals.updateDraft(reference, draft);
        store(proposal.getId(), attachments, userId);
        return proposal;
    }

    /** Stores the proposal as submitted, with its attachments, and starts its process. */
    @Transactional
    public Proposal submit(String reference, ProposalDraft draft, List<Attachment> attachments, String userId) {
        return proposals.submit(reference, draft, userId, submitted -> store(submitted.getId(), attachments, userId));
    }

    /** Stores the attachments and hands the revised proposal to the waiting process. */
    @Transactional
    public Proposal submitRevision(String reference, ProposalDraft revised, List<Attachment> attachments, String userId) {
        Proposal proposal = proposals.byReferenceForCity(reference, revised.leadCityId());
        store(proposal.getId(), attachments, userId);
        return proposals.submitRevision(reference, revised, userId);
    }

    private void store(Long proposalId, List<Attachment> attachments, String userId) {
        for (Attachment attachment : attachments) {
            try {
                documents.store(proposalId, attachment.kind(), ChosenFile.of(attachment.file()), userId);
            } catch (DocumentRejectedException refused) {
                throw new DraftAttachmentRejectedException(attachment.field(), refused);
            }
        }
    }
}
