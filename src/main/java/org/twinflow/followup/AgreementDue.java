package org.twinflow.followup;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.system.ProcessTimingProperties;

/**
 * The signed agreement's deadline: the one stored when it was requested, requested again or extended
 * ({@link AgreementDeadlines}), which the process's timers read. Partnerships approved under process version 1.0,
 * before deadlines were stored, have none: theirs is the decision plus the configured period.
 */
@Component
class AgreementDue {

    private final FollowUpRecords records;
    private final CommitteeDecisions decisions;
    private final ProcessTimingProperties timings;

    AgreementDue(FollowUpRecords records, CommitteeDecisions decisions, ProcessTimingProperties timings) {
        this.records = records;
        this.decisions = decisions;
        this.timings = timings;
    }

    Instant of(Long proposalId) {
        return of(proposalId, records.find(proposalId).map(FollowUpRecord::agreementDueAt).orElse(null));
    }

    /** The deadline of a partnership whose stored deadline ({@code stored}, maybe none) was read already. */
    Instant of(Long proposalId, Instant stored) {
        if (stored != null) {
            return stored;
        }
        return decisions.of(proposalId).map(decision -> decision.decidedAt().plus(timings.agreementDeadline())).orElse(null);
    }
}
