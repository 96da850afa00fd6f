package org.twinflow.followup;

import java.time.Instant;

/**
 * What the follow-up stage keeps of a partnership besides its reports (table {@code partnership_follow_up}): the
 * signed agreement's deadline, file, upload and verification, and the final evaluation.
 */
public record FollowUpRecord(Long proposalId, Instant agreementDueAt, String agreementFileName, Instant agreementUploadedAt,
        Instant agreementVerifiedAt, Integer evaluationRating, String evaluationSummary) {
}
