package org.twinflow.review;

import static org.twinflow.process.ProposalProcess.Vars.*;
import static org.twinflow.process.JsonVariables.json;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_AggregateScores}: stores the aggregated scores on the proposal and shows them to the committee;
 * {@code submittedReviewCount} tells {@code Gateway_AnyReviewSubmitted} whether there is anything to decide on.
 */
@Component
class AggregateReviewScoresDelegate implements JavaDelegate {

    private final ReviewService reviews;

    AggregateReviewScoresDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<ReviewService.ReviewScores> scores = reviews.aggregate((Long) execution.getVariable(PROPOSAL_ID));
        execution.setVariable(SUBMITTED_REVIEW_COUNT, scores.map(ReviewService.ReviewScores::reviewCount).orElse(0));
        scores.ifPresent(s -> execution.setVariable(REVIEW_SCORES, json(s.asVariable())));
    }
}
