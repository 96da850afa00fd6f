package org.twinflow.review;

import java.util.List;

import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reviews per proposal. */
@Transactional(readOnly = true)
public interface ReviewRepository extends Repository<Review, Long> {

    @Transactional
    Review save(Review review);

    List<Review> findByProposalIdOrderByIdAsc(Long proposalId);
}
