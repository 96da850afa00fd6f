package org.twinflow.review;

import static org.twinflow.proposal.ProposalProcess.Vars.*;
import static org.twinflow.system.JsonVariables.json;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_AggregateScores}: stores the aggregated scores on the proposal and shows them to the committee. */
@Component
class AggregateReviewScoresDelegate implements JavaDelegate {

    private final ReviewService reviews;

    AggregateReviewScoresDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReviewService.ReviewScores scores = reviews.aggregate((Long) execution.getVariable(PROPOSAL_ID));
        execution.setVariable(REVIEW_SCORES, json(scores.asVariable()));
    }
}
