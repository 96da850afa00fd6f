package org.twinflow.review;

import static org.twinflow.proposal.ProposalProcess.Vars.*;
import static org.twinflow.system.JsonVariables.json;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.TaskInput;

/**
 * {@code Task_AssignReplacementReviewer}: offers reviewers not yet on this proposal; on complete, the
 * replacement becomes this review branch's {@code reviewer} and starts with a conflict declaration.
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
            return;
        }
        String replacement = TaskInput.requiredText(task, REPLACEMENT_REVIEWER);
        try {
            reviews.replace(proposalId, (String) task.getVariable(REVIEWER), replacement, TaskInput.actor(task));
        } catch (IllegalArgumentException invalid) {
            throw new TaskInput.TaskInputException(invalid.getMessage());
        }
        // "reviewer" is local to this branch of the multi-instance sub-process, so this changes only this branch.
        task.getExecution().setVariable(REVIEWER, replacement);
    }
}
