package org.twinflow.review;

import static org.twinflow.process.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/** {@code Task_ScoreProposal}: refuses missing or out-of-range scores and stores the review. */
@Component
class ScoreProposalTaskListener implements TaskListener {

    private final ReviewService reviews;

    ScoreProposalTaskListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        Scores scores = new Scores(
                TaskInput.requiredWholeNumber(task, SCORE_RELEVANCE, 1, 5),
                TaskInput.requiredWholeNumber(task, SCORE_SDG_CONTRIBUTION, 1, 5),
                TaskInput.requiredWholeNumber(task, SCORE_FEASIBILITY, 1, 5),
                TaskInput.requiredWholeNumber(task, SCORE_PARTNERSHIP_QUALITY, 1, 5),
                TaskInput.requiredWholeNumber(task, SCORE_SUSTAINABILITY, 1, 5));
        String comment = TaskInput.requiredText(task, REVIEW_COMMENT);
        Recommendation recommendation = TaskInput.requiredChoice(task, RECOMMENDATION, Recommendation.class);
        reviews.submit((Long) task.getVariable(PROPOSAL_ID), (String) task.getVariable(REVIEWER), scores, comment, recommendation);
    }
}
