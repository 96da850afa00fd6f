package org.twinflow.review;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.twinflow.system.ProcessDurations;

/** Registers the review package's process beans, over the given (mocked) service, for process tests. */
public final class ReviewTestBeans {

    private ReviewTestBeans() {
    }

    public static void register(ReviewService reviews, ProcessDurations durations) {
        Mocks.register("reviewerAssignmentTaskListener", new ReviewerAssignmentTaskListener(reviews));
        Mocks.register("conflictOfInterestTaskListener", new ConflictOfInterestTaskListener(reviews));
        Mocks.register("replacementReviewerTaskListener", new ReplacementReviewerTaskListener(reviews));
        Mocks.register("scoreProposalTaskListener", new ScoreProposalTaskListener(reviews));
        Mocks.register("aggregateReviewScoresDelegate", new AggregateReviewScoresDelegate(reviews));
        Mocks.register("reviewDeadlines", new ReviewDeadlines(reviews, durations));
        Mocks.register("overdueReviewTaskListener", new OverdueReviewTaskListener(reviews, durations));
    }
}
