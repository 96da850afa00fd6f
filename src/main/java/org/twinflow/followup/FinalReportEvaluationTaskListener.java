package org.twinflow.followup;

import static org.twinflow.proposal.ProposalProcess.Vars.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.TaskInput;

/** {@code Task_EvaluateFinalReport}: accept with a rating 1–5 and an evaluation, or request changes. */
@Component
class FinalReportEvaluationTaskListener implements TaskListener {

    static final String ACCEPT = "accept";
    static final String REQUEST_CHANGES = "request_changes";

    private final FollowUpService followUp;

    FinalReportEvaluationTaskListener(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = ACCEPT.equals(TaskInput.requiredChoice(task, FINAL_REPORT_REVIEW, Set.of(ACCEPT, REQUEST_CHANGES)));
        Integer rating = accepted ? TaskInput.requiredWholeNumber(task, EVALUATION_RATING, 1, 5) : null;
        String summary = TaskInput.requiredText(task, EVALUATION_SUMMARY);
        followUp.evaluateFinalReport(((Number) task.getVariable(REPORT_ID)).longValue(), accepted, rating, summary, TaskInput.actor(task));
    }
}
