package org.twinflow.review;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.twinflow.system.ProcessDurations;

/**
 * Sets a review's deadline when the reviewer starts scoring ({@code ${reviewDeadlines.startScoring(execution)}}
 * on the flow into scoring). The deadline lives in the branch-local {@code reviewDueAt}, which the scoring
 * task's due date and its reminder, overdue and escalation timers all read, and in the review record, which
 * the mails and the staff view read.
 */
@Component("reviewDeadlines")
public class ReviewDeadlines {

    private final ReviewService reviews;
    private final ProcessDurations durations;

    ReviewDeadlines(ReviewService reviews, ProcessDurations durations) {
        this.reviews = reviews;
        this.durations = durations;
    }

    public void startScoring(DelegateExecution execution) {
        Date due = durations.reviewDueFromNow();
        execution.setVariable(REVIEW_DUE_AT, due);
        reviews.recordDueDate((Long) execution.getVariable(PROPOSAL_ID), (String) execution.getVariable(REVIEWER), due.toInstant());
    }
}
