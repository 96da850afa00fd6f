package org.twinflow.proposal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
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

    /**
     * Moves the status column only, without loading the aggregate: the process changes it at every stage.
     * The version goes up as a save would, so that a concurrent save of the whole proposal still notices.
     *
     * @return 1 if the status changed, 0 if it already was that status
     */
    @Transactional
    @Modifying
    @Query("""
            UPDATE proposal SET status = :status, updated_at = :now, version = version + 1
            WHERE id = :proposalId AND status <> :status""")
    int moveTo(Long proposalId, String status, Instant now);

    /** A proposal's facts for a notice, with its lead city's contact (see {@link ProposalNoticeFacts}). */
    @Query("""
            SELECT p.id AS id, p.reference AS reference, p.title AS title, c.name AS city_name, c.contact_email AS contact_email,
                   c.contact_name AS contact_name
            FROM proposal p JOIN city c ON c.id = p.lead_city_id
            WHERE p.id = :proposalId""")
    Optional<ProposalNoticeFacts> findNoticeFacts(Long proposalId);

    /** The facts the eligibility decision needs, in one query (see {@link EligibilityFacts}). */
    @Query("""
            SELECT p.call_id AS call_id, c.government_type AS applicant_type, UPPER(c.country_code) AS lead_country,
                   (SELECT COUNT(*) FROM partner_city pc WHERE pc.proposal_id = p.id AND UPPER(pc.country_code) <> UPPER(c.country_code))
                       AS foreign_partner_count,
                   p.thematic_area AS thematic_area,
                   (SELECT COUNT(*) FROM proposal_sdg s WHERE s.proposal_id = p.id) AS sdg_count,
                   p.duration_months AS duration_months, p.requested_amount AS requested_amount, p.total_budget AS total_budget
            FROM proposal p JOIN city c ON c.id = p.lead_city_id
            WHERE p.id = :proposalId""")
    Optional<EligibilityFacts> findEligibilityFacts(Long proposalId);

    @Query("SELECT sdg FROM proposal_sdg WHERE proposal_id = :proposalId ORDER BY sdg")
    List<Integer> findSdgNumbers(Long proposalId);

    /** The call's drafts, for reminders and announcements about its deadline. */
    @Query("SELECT id FROM proposal WHERE call_id = :callId AND status = 'DRAFT' ORDER BY id")
    List<Long> findDraftIdsOfCall(Long callId);

    /** How many of the call's submitted proposals are still before the end of their review. */
    @Query("""
            SELECT COUNT(*) FROM proposal
            WHERE call_id = :callId AND status IN ('SUBMITTED', 'IN_SCREENING', 'CLARIFICATION_REQUESTED', 'AWAITING_REVIEWERS', 'IN_REVIEW')""")
    long countInReviewOfCall(Long callId);

    long countByStatus(ProposalStatus status);

    long count();
}
