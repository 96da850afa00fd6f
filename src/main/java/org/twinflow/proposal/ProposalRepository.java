package org.twinflow.proposal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Proposals with their partner cities, SDGs and expected results. */
@Transactional(readOnly = true)
public interface ProposalRepository extends Repository<Proposal, Long> {

    @Transactional
    Proposal save(Proposal proposal);

    Optional<Proposal> findById(Long id);

    Optional<Proposal> findByReference(String reference);

    List<Proposal> findByLeadCityIdOrderByUpdatedAtDesc(Long leadCityId);

    long countByStatus(ProposalStatus status);

    long count();
}
