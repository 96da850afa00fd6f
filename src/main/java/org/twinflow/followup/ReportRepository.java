package org.twinflow.followup;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reports per proposal, in reporting order. */
@Transactional(readOnly = true)
public interface ReportRepository extends Repository<Report, Long> {

    @Transactional
    Report save(Report report);

    Optional<Report> findById(Long id);

    List<Report> findByProposalIdOrderByKindDescPeriodNumberAsc(Long proposalId);
}
