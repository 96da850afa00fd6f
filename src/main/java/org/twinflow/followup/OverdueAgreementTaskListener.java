package org.twinflow.followup;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.ProposalProcess;
import org.twinflow.process.TaskInput;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.ProcessDurations;

/**
 * {@code Task_HandleOverdueAgreement}: on create, shows the missed deadline; on complete, either gives the
 * applicant {@code extensionDays} more (a new {@code agreementDueAt}; the process waits again) or cancels
 * the partnership with a reason the applicant reads on the proposal page.
 */
@Component
class OverdueAgreementTaskListener implements TaskListener {

    private final FollowUpService followUp;
    private final ProcessDurations durations;

    OverdueAgreementTaskListener(FollowUpService followUp, ProcessDurations durations) {
        this.followUp = followUp;
        this.durations = durations;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Date due = (Date) task.getVariable(AGREEMENT_DUE_AT);
            task.setVariableLocal(AGREEMENT_DUE_DATE, due == null ? "" : DisplayDates.dateTime(due.toInstant()));
            return;
        }
        Long proposalId = (Long) task.getVariable(PROPOSAL_ID);
        OverdueAgreementAction action = TaskInput.requiredChoice(task, OVERDUE_AGREEMENT_ACTION, OverdueAgreementAction.class);
        if (action == OverdueAgreementAction.EXTEND) {
            int days = TaskInput.requiredWholeNumber(task, EXTENSION_DAYS, 1, ProposalProcess.MAX_EXTENSION_DAYS);
            Date due = durations.dueInDays(days);
            followUp.extendAgreementDeadline(proposalId, due.toInstant(), TaskInput.actor(task));
            task.getExecution().setVariable(AGREEMENT_DUE_AT, due);
        } else {
            followUp.recordCancellationForMissingAgreement(proposalId, TaskInput.requiredText(task, CANCELLATION_REASON),
                    TaskInput.actor(task));
        }
    }
}
