package org.twinflow.followup;

import static org.twinflow.process.ProposalProcess.Vars.*;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/** {@code Task_ReviewProgressReport}: accept, or request changes with feedback for the applicant. */
@Component
class ProgressReportReviewTaskListener implements TaskListener {

    private final FollowUpService followUp;

    ProgressReportReviewTaskListener(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = TaskInput.requiredChoice(task, REPORT_REVIEW, ReportReview.class) == ReportReview.ACCEPT;
        String feedback = accepted ? TaskInput.optionalText(task, REPORT_FEEDBACK) : TaskInput.requiredText(task, REPORT_FEEDBACK);
        followUp.reviewReport(((Number) task.getVariable(REPORT_ID)).longValue(), accepted, feedback, TaskInput.actor(task));
    }
}
