package org.twinflow.followup;

import static org.twinflow.proposal.ProposalProcess.Vars.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.TaskInput;

/** {@code Task_VerifyAgreement}: records the secretariat's check; a rejection needs a note for the applicant. */
@Component
class AgreementVerificationTaskListener implements TaskListener {

    static final String VERIFIED = "verified";
    static final String REJECTED = "rejected";

    private final FollowUpService followUp;

    AgreementVerificationTaskListener(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean verified = VERIFIED.equals(TaskInput.requiredChoice(task, AGREEMENT_VERIFICATION, Set.of(VERIFIED, REJECTED)));
        String note = verified ? TaskInput.optionalText(task, AGREEMENT_NOTE) : TaskInput.requiredText(task, AGREEMENT_NOTE);
        followUp.recordAgreementVerification((Long) task.getVariable(PROPOSAL_ID), verified, note, TaskInput.actor(task));
    }
}
