package org.twinflow.proposal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Proposals with their partner cities, SDGs and expected results. */
@Transactional(readOnly = true)
public interface ProposalRepository extends Repository<Proposal, Long> {

    @Transactional
    Proposal save(Proposal proposal);

    Optional<Proposal> findById(Long id);

    Optional<Proposal> findByReference(String reference);

    /**
     * Locks the proposal's row until the transaction ends, so that two requests changing the same proposal
     * (two tabs, two clicks) take turns: the second sees what the first did instead of failing on the
     * version column. Returns the id, or empty when there is no such proposal.
     */
    @Transactional
    @Query("SELECT id FROM proposal WHERE reference = :reference FOR UPDATE")
    Optional<Long> lockByReference(String reference);

    List<Proposal> findByLeadCityIdOrderByUpdatedAtDesc(Long leadCityId);

    long countByStatus(ProposalStatus status);

    long count();
}
