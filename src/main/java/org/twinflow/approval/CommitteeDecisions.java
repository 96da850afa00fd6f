package org.twinflow.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

/** The committee's decisions: recorded by the decision task, read by the portal, the mails and the follow-up. */
@Service
public class CommitteeDecisions {

    private final DecisionRecords decisions;
    private final TimelineService timeline;
    private final Clock clock;

    CommitteeDecisions(DecisionRecords decisions, TimelineService timeline, Clock clock) {
        this.decisions = decisions;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public void record(Long proposalId, Decision decision, String conditions, String feedback, String actor) {
        decisions.save(proposalId, decision, conditions, feedback, clock.instant());
        timeline.forApplicant(proposalId, actor, TimelineEvent.DECIDED, decision.value());
    }

    /** The revised proposal's deadline, when the process arms the revision's timer. */
    @Transactional
    public void recordRevisionDue(Long proposalId, Instant due) {
        decisions.saveRevisionDue(proposalId, due);
    }

    @Transactional(readOnly = true)
    public Optional<DecisionRecord> of(Long proposalId) {
        return decisions.find(proposalId);
    }
}
