package org.twinflow.proposal;

import java.util.Map;

/**
 * One stage's answer to "what do you wait for from the applicant, and by when", from its own tables and its own
 * stored due dates. The portal composes the stages' answers and knows none of their rules, statuses or tables.
 * An implementation asks the database once per call, whatever the number of proposals, so that "My proposals"
 * issues a fixed number of queries.
 */
public interface ApplicantActionSource {

    /** What this stage waits for, per proposal id, among the proposals in {@code scope}; those it waits for nothing from are absent. */
    Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope);
}
