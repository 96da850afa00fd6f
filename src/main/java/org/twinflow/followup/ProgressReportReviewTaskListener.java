package org.twinflow.followup;

import static org.twinflow.proposal.ProposalProcess.Vars.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.TaskInput;

/** {@code Task_ReviewProgressReport}: accept, or request changes with feedback for the applicant. */
@Component
class ProgressReportReviewTaskListener implements TaskListener {

    static final String ACCEPT = "accept";
    static final String REQUEST_CHANGES = "request_changes";

    private final FollowUpService followUp;

    ProgressReportReviewTaskListener(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean accepted = ACCEPT.equals(TaskInput.requiredChoice(task, REPORT_REVIEW, Set.of(ACCEPT, REQUEST_CHANGES)));
        String feedback = accepted ? TaskInput.optionalText(task, REPORT_FEEDBACK) : TaskInput.requiredText(task, REPORT_FEEDBACK);
        followUp.reviewReport(((Number) task.getVariable(REPORT_ID)).longValue(), accepted, feedback, TaskInput.actor(task));
    }
}
