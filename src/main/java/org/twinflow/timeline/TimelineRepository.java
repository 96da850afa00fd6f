package org.twinflow.timeline;

import java.util.List;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The timeline entries of proposals, oldest first. */
@Transactional(readOnly = true)
public interface TimelineRepository extends Repository<TimelineEntry, Long> {

    @Transactional
    TimelineEntry save(TimelineEntry entry);

    List<TimelineEntry> findByProposalIdOrderByOccurredAtAscIdAsc(Long proposalId);
}
