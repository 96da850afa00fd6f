package org.twinflow.funding;

import static org.twinflow.funding.FundingDecisions.RESERVE_DECISION;
import static org.twinflow.funding.FundingDecisions.RESERVE_FEEDBACK;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/**
 * {@code call-for-proposals}, {@code Task_ApproveReserveProposal}, on complete: refuses an answer other than fund or
 * pass, and funding without feedback for the applicant; keeps who answered for {@link FundingDecisions#sendReserveDecision}.
 */
@Component("reservePromotionTaskListener")
public class ReservePromotionTaskListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        ReserveChoice choice = TaskInput.requiredChoice(task, RESERVE_DECISION, ReserveChoice.class);
        if (choice == ReserveChoice.FUND) {
            TaskInput.requiredText(task, RESERVE_FEEDBACK);
        }
        task.getExecution().setVariable(FundingTaskListener.FUNDING_DECIDED_BY, TaskInput.actor(task));
    }
}
