package org.twinflow.approval;

import static org.twinflow.process.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/**
 * {@code Task_DecideOnProposal}: refuses a decision without feedback (or conditions, when approving
 * with conditions) and records it ({@link CommitteeDecisions}).
 */
@Component
class DecisionTaskListener implements TaskListener {

    private final CommitteeDecisions decisions;

    DecisionTaskListener(CommitteeDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = TaskInput.requiredChoice(task, DECISION, Decision.class);
        String conditions = decision == Decision.APPROVE_WITH_CONDITIONS ? TaskInput.requiredText(task, DECISION_CONDITIONS) : null;
        String feedback = TaskInput.requiredText(task, DECISION_FEEDBACK);
        decisions.record((Long) task.getVariable(PROPOSAL_ID), decision, conditions, feedback, TaskInput.actor(task));
    }
}
