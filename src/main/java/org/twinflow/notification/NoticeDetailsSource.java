package org.twinflow.notification;

import java.util.Set;

import org.twinflow.proposal.ProposalNoticeFacts;

/**
 * A stage's part of the notices it is responsible for: the open question, the deadline, the reasons, the
 * committee's feedback. Each stage implements it as a bean from its own data, so that notification knows
 * no stage's services or rules; a notice no source claims says everything in its text. Two sources
 * claiming one notice stop the application at start.
 */
public interface NoticeDetailsSource {

    /** The notices this source supplies details for. */
    Set<Notice> notices();

    /**
     * @param reviewerId the reviewer a reviewer's notice is addressed to or about; null for other notices
     */
    NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId);
}
