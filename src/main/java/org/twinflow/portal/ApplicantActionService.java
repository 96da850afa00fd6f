package org.twinflow.portal;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentRejectedException;
import org.twinflow.document.DocumentService;
import org.twinflow.document.Upload;
import org.twinflow.followup.FollowUpService;
import org.twinflow.followup.IndicatorValue;
import org.twinflow.followup.ReportSubmission;
import org.twinflow.proposal.ActionNotAwaitedException;
import org.twinflow.proposal.ExpectedResult;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.screening.ScreeningService;

/**
 * The applicant's actions on a proposal, each in one transaction with its attachment: the PDF is
 * stored first, so a refused file ({@link DocumentRejectedException}) stores nothing and correlates
 * nothing; an action the process no longer waits for ({@link ActionNotAwaitedException}) rolls the
 * stored file back.
 */
@Service
public class ApplicantActionService {

    private final ProposalService proposals;
    private final ScreeningService screening;
    private final FollowUpService followUp;
    private final DocumentService documents;

    ApplicantActionService(ProposalService proposals, ScreeningService screening, FollowUpService followUp, DocumentService documents) {
        this.proposals = proposals;
        this.screening = screening;
        this.followUp = followUp;
        this.documents = documents;
    }

    @Transactional
    public void answerClarification(String reference, Long cityId, String answer, Upload attachment, String actor) {
        Proposal proposal = awaiting(reference, cityId, "a clarification", ProposalStatus.CLARIFICATION_REQUESTED);
        if (attachment != null) {
            documents.store(proposal.getId(), DocumentKind.CLARIFICATION, attachment, actor);
        }
        screening.answerClarification(reference, answer, actor);
    }

    @Transactional
    public void uploadAgreement(String reference, Long cityId, Upload agreement, String actor) {
        Proposal proposal = awaiting(reference, cityId, "the signed agreement", ProposalStatus.AGREEMENT_PENDING);
        var stored = documents.store(proposal.getId(), DocumentKind.SIGNED_AGREEMENT, agreement, actor);
        followUp.uploadAgreement(reference, stored.fileName(), actor);
    }

    @Transactional
    public void submitReport(String reference, Long cityId, ApplicantActionReportForm form, Upload annex, String actor) {
        Proposal proposal = awaiting(reference, cityId, "a report", ProposalStatus.IN_IMPLEMENTATION, ProposalStatus.FINAL_REPORTING);
        if (annex != null) {
            documents.store(proposal.getId(), DocumentKind.REPORT_ANNEX, annex, actor);
        }
        List<ExpectedResult> results = proposal.getExpectedResults();
        List<IndicatorValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            values.add(new IndicatorValue(results.get(i).indicator(), results.get(i).target(), form.getIndicators().get(i).getAchieved().strip()));
        }
        followUp.submitReport(reference, new ReportSubmission(form.getNarrative().strip(), form.getActivitiesDone().strip(),
                form.getParticipantsWomen(), form.getParticipantsMen(), form.getParticipantsOther(), values), actor);
    }

    /** The city's proposal, if its status calls for the action; another city's proposal is not found. */
    private Proposal awaiting(String reference, Long cityId, String action, ProposalStatus... statuses) {
        Proposal proposal = proposals.lockForChange(reference, cityId);
        if (!List.of(statuses).contains(proposal.getStatus())) {
            throw new ActionNotAwaitedException(reference, action);
        }
        return proposal;
    }
}
