package org.twinflow.followup;

import static org.twinflow.process.ProposalProcess.Vars.*;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/** {@code Task_EvaluateFinalReport}: accept with a rating 1–5 and an evaluation, or request changes. */
@Component
class FinalReportEvaluationTaskListener implements TaskListener {

    private final FollowUpService followUp;

    FinalReportEvaluationTaskListener(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = TaskInput.requiredChoice(task, FINAL_REPORT_REVIEW, ReportReview.class) == ReportReview.ACCEPT;
        Integer rating = accepted ? TaskInput.requiredWholeNumber(task, EVALUATION_RATING, 1, 5) : null;
        String summary = TaskInput.requiredText(task, EVALUATION_SUMMARY);
        followUp.evaluateFinalReport(((Number) task.getVariable(REPORT_ID)).longValue(), accepted, rating, summary, TaskInput.actor(task));
    }
}
