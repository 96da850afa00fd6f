package org.twinflow.review;

import static org.twinflow.process.ProposalProcess.Vars.*;
import static org.twinflow.process.JsonVariables.json;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/**
 * {@code Task_AssignReviewers}: on create, offers the members of the reviewers group without a declared conflict; on complete,
 * refuses fewer than the configured minimum and hands the chosen list to the review multi-instance.
 */
@Component
class ReviewerAssignmentTaskListener implements TaskListener {

    private final ReviewService reviews;

    ReviewerAssignmentTaskListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(REVIEWER_OPTIONS, json(reviews.reviewerOptions((Long) task.getVariable(PROPOSAL_ID))));
            task.setVariableLocal(MIN_REVIEWERS, reviews.minReviewers((Long) task.getVariable(PROPOSAL_ID)));
            // The Tasklist checklist (form-js 1.8) cannot add to a null value: start from an empty list,
            // whose JSON list type Tasklist then keeps. It replaces the task's input mapping on the task's
            // execution (not task-local), where both Tasklist's submit and TaskService.complete write.
            task.getExecution().setVariableLocal(REVIEWERS, json(new ArrayList<String>()));
            return;
        }
        List<String> chosen = TaskInput.stringList(task, REVIEWERS);
        try {
            List<String> assigned = reviews.assign((Long) task.getVariable(PROPOSAL_ID), chosen, TaskInput.actor(task));
            task.getExecution().getProcessInstance().setVariableLocal(REVIEWERS, json(new ArrayList<>(assigned)));
        } catch (IllegalArgumentException invalid) {
            throw new TaskInput.TaskInputException(invalid.getMessage());
        }
    }
}
