package org.twinflow.review;

import static org.twinflow.process.ProposalProcess.Vars.*;
import static org.twinflow.process.JsonVariables.json;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.ProposalProcess;
import org.twinflow.process.TaskInput;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.ProcessDurations;

/**
 * {@code Task_HandleOverdueReview}: on create, offers the reviewers who could take the review over and
 * shows the missed deadline; on complete, either gives the reviewer {@code extensionDays} more (a new
 * {@code reviewDueAt}, so the scoring task comes back with new timers) or hands the review to
 * {@code newReviewer} (the branch's {@code reviewer} changes; the former one is kept to be told).
 * Nothing is restarted: the branch itself loops back.
 */
@Component
class OverdueReviewTaskListener implements TaskListener {

    private final ReviewService reviews;
    private final ProcessDurations durations;

    OverdueReviewTaskListener(ReviewService reviews, ProcessDurations durations) {
        this.reviews = reviews;
        this.durations = durations;
    }

    @Override
    public void notify(DelegateTask task) {
        Long proposalId = (Long) task.getVariable(PROPOSAL_ID);
        String reviewer = (String) task.getVariable(REVIEWER);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(REPLACEMENT_OPTIONS, json(reviews.replacementOptions(proposalId)));
            Date due = (Date) task.getVariable(REVIEW_DUE_AT);
            task.setVariableLocal(REVIEW_DUE_DATE, due == null ? "" : DisplayDates.dateTime(due.toInstant()));
            return;
        }
        DelegateExecution branch = task.getExecution();
        OverdueReviewAction action = TaskInput.requiredChoice(task, OVERDUE_REVIEW_ACTION, OverdueReviewAction.class);
        try {
            if (action == OverdueReviewAction.EXTEND) {
                int days = TaskInput.requiredWholeNumber(task, EXTENSION_DAYS, 1, ProposalProcess.MAX_EXTENSION_DAYS);
                Date due = durations.dueInDays(days);
                reviews.extend(proposalId, reviewer, due.toInstant(), TaskInput.actor(task));
                branch.setVariable(REVIEW_DUE_AT, due);
            } else {
                String newReviewer = TaskInput.requiredText(task, NEW_REVIEWER);
                reviews.reassign(proposalId, reviewer, newReviewer, TaskInput.actor(task));
                // All three are local to this reviewer's branch of the multi-instance sub-process.
                branch.setVariable(FORMER_REVIEWER, reviewer);
                branch.setVariable(REVIEWER, newReviewer);
                branch.setVariable(REVIEW_DUE_AT, null);
            }
        } catch (IllegalArgumentException invalid) {
            throw new TaskInput.TaskInputException(invalid.getMessage());
        }
    }
}
