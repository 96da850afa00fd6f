package org.twinflow.review;

import static org.twinflow.process.ProposalProcess.Vars.*;
import static org.twinflow.process.JsonVariables.json;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/**
 * {@code Task_AssignReplacementReviewer}: on create, offers the reviewers not yet on this proposal and
 * counts the reviews under way or submitted; on complete, per {@code replacementOutcome}: the replacement
 * becomes this review branch's {@code reviewer} and starts with a conflict declaration ({@code replace}),
 * the task comes back with fresh options ({@code look_again}, after a reviewer was added in Camunda
 * Admin), or the branch ends without a review ({@code continue}, refused when no other review remains).
 */
@Component
class ReplacementReviewerTaskListener implements TaskListener {

    private final ReviewService reviews;

    ReplacementReviewerTaskListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        Long proposalId = (Long) task.getVariable(PROPOSAL_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(REPLACEMENT_OPTIONS, json(reviews.replacementOptions(proposalId)));
            task.setVariableLocal(ACTIVE_REVIEW_COUNT, reviews.activeReviewCount(proposalId));
            return;
        }
        // Version 1.1 of the process has no outcome: its form, and a REST client, only name the replacement.
        ReplacementOutcome outcome = TaskInput.optionalText(task, REPLACEMENT_OUTCOME) == null ? ReplacementOutcome.REPLACE
                : TaskInput.requiredChoice(task, REPLACEMENT_OUTCOME, ReplacementOutcome.class);
        String reviewer = (String) task.getVariable(REVIEWER);
        try {
            if (outcome == ReplacementOutcome.REPLACE) {
                String replacement = TaskInput.requiredText(task, REPLACEMENT_REVIEWER);
                reviews.replace(proposalId, reviewer, replacement, TaskInput.actor(task));
                // "reviewer" is local to this branch of the multi-instance sub-process, so this changes only this branch.
                task.getExecution().setVariable(REVIEWER, replacement);
            } else if (outcome == ReplacementOutcome.CONTINUE) {
                reviews.continueWithoutReplacement(proposalId, reviewer, TaskInput.actor(task));
            }
        } catch (IllegalArgumentException invalid) {
            throw new TaskInput.TaskInputException(invalid.getMessage());
        }
    }
}
