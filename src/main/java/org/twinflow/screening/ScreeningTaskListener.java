package org.twinflow.screening;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;
import org.twinflow.system.ProcessDurations;

/**
 * {@code Task_ScreenProposal}. On create: forgets the answers of an earlier screening round (after a
 * clarification or a revision), so the form starts empty. On complete: refuses an outcome without its
 * question or reason, and stores the outcome (and any clarification question with its deadline, which the
 * process's timers read as {@code clarificationDueAt}) with the proposal. The
 * answers are process variables, where the outcome routes the process; their history is not kept
 * beyond the outcome (the question and note are stored with the proposal).
 */
@Component
class ScreeningTaskListener implements TaskListener {

    private final ScreeningService screening;
    private final ProcessDurations durations;

    ScreeningTaskListener(ScreeningService screening, ProcessDurations durations) {
        this.screening = screening;
        this.durations = durations;
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
        Date clarificationDue = null;
        if (outcome == ScreeningOutcome.NEEDS_CLARIFICATION) {
            clarificationDue = durations.clarificationDueFromNow();
            task.getExecution().setVariable(CLARIFICATION_DUE_AT, clarificationDue);
        }
        screening.recordOutcome((Long) task.getVariable(PROPOSAL_ID), outcome, question, note, TaskInput.actor(task),
                clarificationDue == null ? null : clarificationDue.toInstant());
    }
}
