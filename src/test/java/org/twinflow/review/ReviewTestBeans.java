package org.twinflow.review;

import org.camunda.bpm.engine.test.mock.Mocks;

/** Registers the review package's process beans, over the given (mocked) service, for process tests. */
public final class ReviewTestBeans {

    private ReviewTestBeans() {
    }

    public static void register(ReviewService reviews) {
        Mocks.register("reviewerAssignmentTaskListener", new ReviewerAssignmentTaskListener(reviews));
        Mocks.register("conflictOfInterestTaskListener", new ConflictOfInterestTaskListener(reviews));
        Mocks.register("replacementReviewerTaskListener", new ReplacementReviewerTaskListener(reviews));
        Mocks.register("scoreProposalTaskListener", new ScoreProposalTaskListener(reviews));
        Mocks.register("aggregateReviewScoresDelegate", new AggregateReviewScoresDelegate(reviews));
    }
}
