package org.twinflow.screening;

import java.util.List;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Clarification questions and answers, oldest first. */
@Transactional(readOnly = true)
public interface ClarificationRepository extends Repository<Clarification, Long> {

    @Transactional
    Clarification save(Clarification clarification);

    List<Clarification> findByProposalIdOrderByAskedAtAscIdAsc(Long proposalId);
}
