package org.twinflow.timeline;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what happens to a proposal; entries marked for the applicant appear in the portal. */
@Service
public class TimelineService {

    private final TimelineRepository entries;
    private final Clock clock;

    public TimelineService(TimelineRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @Transactional
    public void forApplicant(Long proposalId, String actor, TimelineEvent event, String detail) {
        entries.save(new TimelineEntry(proposalId, clock.instant(), actor, event.name(), detail, true));
    }

    @Transactional
    public void internal(Long proposalId, String actor, TimelineEvent event, String detail) {
        entries.save(new TimelineEntry(proposalId, clock.instant(), actor, event.name(), detail, false));
    }

    public List<TimelineEntry> of(Long proposalId) {
        return entries.findByProposalIdOrderByOccurredAtAscIdAsc(proposalId);
    }

    public List<TimelineEntry> visibleToApplicant(Long proposalId) {
        return of(proposalId).stream().filter(TimelineEntry::isVisibleToApplicant).toList();
    }
}
