package org.twinflow.screening;

import static org.twinflow.proposal.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.TaskInput;

/**
 * Completion guard and recorder of {@code Task_ScreenProposal}: refuses an outcome without its
 * question or reason, and stores the outcome (and any clarification question) with the proposal.
 */
@Component
class ScreeningTaskListener implements TaskListener {

    private final ScreeningService screening;

    ScreeningTaskListener(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public void notify(DelegateTask task) {
        ScreeningOutcome outcome = ScreeningOutcome.of(TaskInput.requiredChoice(task, SCREENING_OUTCOME, ScreeningOutcome.VALUES));
        String question = outcome == ScreeningOutcome.NEEDS_CLARIFICATION ? TaskInput.requiredText(task, CLARIFICATION_QUESTION) : null;
        String note = outcome == ScreeningOutcome.INELIGIBLE ? TaskInput.requiredText(task, SCREENING_NOTE) : TaskInput.optionalText(task, SCREENING_NOTE);
        screening.recordOutcome((Long) task.getVariable(PROPOSAL_ID), outcome, question, note, TaskInput.actor(task));
    }
}
