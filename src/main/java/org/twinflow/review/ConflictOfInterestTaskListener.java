package org.twinflow.review;

import static org.twinflow.process.ProposalProcess.Vars.*;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/** {@code Task_DeclareConflictOfInterest}: records the reviewer's declaration; a conflict needs a description. */
@Component
class ConflictOfInterestTaskListener implements TaskListener {

    private final ReviewService reviews;

    ConflictOfInterestTaskListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean conflict = TaskInput.requiredChoice(task, CONFLICT_OF_INTEREST, ConflictOfInterest.class) == ConflictOfInterest.DECLARED;
        String description = conflict ? TaskInput.requiredText(task, CONFLICT_DESCRIPTION) : null;
        reviews.declareConflict((Long) task.getVariable(PROPOSAL_ID), (String) task.getVariable(REVIEWER), conflict, description);
    }
}
