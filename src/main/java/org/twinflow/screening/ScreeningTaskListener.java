package org.twinflow.screening;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/**
 * {@code Task_ScreenProposal}. On create: forgets the answers of an earlier screening round (after a
 * clarification or a revision), so the form starts empty. On complete: refuses an outcome without its
 * question or reason, and stores the outcome (and any clarification question) with the proposal. The
 * answers are process variables, where the outcome routes the process; their history is not kept
 * beyond the outcome (the question and note are stored with the proposal).
 */
@Component
class ScreeningTaskListener implements TaskListener {

    private final ScreeningService screening;

    ScreeningTaskListener(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.getExecution().removeVariables(List.of(SCREENING_OUTCOME, CLARIFICATION_QUESTION, SCREENING_NOTE));
            return;
        }
        ScreeningOutcome outcome = TaskInput.requiredChoice(task, SCREENING_OUTCOME, ScreeningOutcome.class);
        String question = outcome == ScreeningOutcome.NEEDS_CLARIFICATION ? TaskInput.requiredText(task, CLARIFICATION_QUESTION) : null;
        String note = outcome == ScreeningOutcome.INELIGIBLE ? TaskInput.requiredText(task, SCREENING_NOTE) : TaskInput.optionalText(task, SCREENING_NOTE);
        screening.recordOutcome((Long) task.getVariable(PROPOSAL_ID), outcome, question, note, TaskInput.actor(task));
    }
}
