package org.twinflow.followup;

import static org.twinflow.process.ProposalProcess.Vars.*;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/** {@code Task_VerifyAgreement}: records the secretariat's check; a rejection needs a note for the applicant. */
@Component
class AgreementVerificationTaskListener implements TaskListener {

    private final FollowUpService followUp;

    AgreementVerificationTaskListener(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean verified = TaskInput.requiredChoice(task, AGREEMENT_VERIFICATION, AgreementVerification.class) == AgreementVerification.VERIFIED;
        String note = verified ? TaskInput.optionalText(task, AGREEMENT_NOTE) : TaskInput.requiredText(task, AGREEMENT_NOTE);
        followUp.recordAgreementVerification((Long) task.getVariable(PROPOSAL_ID), verified, note, TaskInput.actor(task));
    }
}
