package org.twinflow.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Calls for proposals (their deadline extensions: {@link CallDeadlineExtensions}). */
@Transactional(readOnly = true)
interface CallRepository extends Repository<CallForProposals, Long> {

    @Transactional
    CallForProposals save(CallForProposals call);

    Optional<CallForProposals> findById(Long id);

    Optional<CallForProposals> findByReference(String reference);

    /**
     * The call, with a shared lock on its row until the transaction ends: submissions to the call go on side by side,
     * but the closing ({@link #findForClosingById}) waits until every submission that began before it has ended, and
     * a submission that comes after the closing sees it. Shared ({@code LOCK IN SHARE MODE}) on MySQL; H2 has only
     * exclusive row locks.
     */
    @Lock(LockMode.PESSIMISTIC_READ)
    Optional<CallForProposals> findForSubmissionById(Long id);

    /** The call, its row locked exclusively until the transaction ends: the closing and the deadline extension. */
    @Transactional
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<CallForProposals> findForChangeById(Long id);

    @Transactional
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<CallForProposals> findForChangeByReference(String reference);

    List<CallForProposals> findAllByOrderByOpensAtDesc();

    /** Published calls not closed whose deadline is after {@code now}: open and upcoming, the soonest deadline first. */
    List<CallForProposals> findByPublishedAtIsNotNullAndClosedAtIsNullAndClosesAtAfterOrderByClosesAtAsc(Instant now);

    @Query("SELECT call_id FROM proposal WHERE id = :proposalId")
    Optional<Long> findCallIdOfProposal(Long proposalId);

    /** How many proposals of the call have left the draft stage (submitted, whatever happened after). */
    @Query("SELECT COUNT(*) FROM proposal WHERE call_id = :callId AND status <> 'DRAFT'")
    long countSubmittedProposals(Long callId);
}
