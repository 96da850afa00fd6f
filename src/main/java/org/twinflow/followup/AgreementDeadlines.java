package org.twinflow.followup;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.twinflow.system.ProcessDurations;

/**
 * Sets the signed agreement's deadline when it is requested and when a corrected one is requested
 * ({@code ${agreementDeadlines.request(execution)}}): the process variable {@code agreementDueAt}, which
 * the wait's reminder and deadline timers read, and the proposal's record, which the portal and mails read.
 */
@Component("agreementDeadlines")
public class AgreementDeadlines {

    private final FollowUpService followUp;
    private final ProcessDurations durations;

    AgreementDeadlines(FollowUpService followUp, ProcessDurations durations) {
        this.followUp = followUp;
        this.durations = durations;
    }

    public void request(DelegateExecution execution) {
        Date due = durations.agreementDueFromNow();
        execution.setVariable(AGREEMENT_DUE_AT, due);
        followUp.recordAgreementDue((Long) execution.getVariable(PROPOSAL_ID), due.toInstant());
    }
}
