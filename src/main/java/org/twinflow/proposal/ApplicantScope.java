package org.twinflow.proposal;

/**
 * The proposals whose awaited actions are asked for: all of one lead city's, or one proposal. Gives the condition
 * on the {@code proposal} table (aliased {@code p}) and its parameter, for the stages' queries.
 */
public record ApplicantScope(String condition, Long key) {

    public static ApplicantScope city(Long cityId) {
        return new ApplicantScope("p.lead_city_id = ?", cityId);
    }

    public static ApplicantScope proposal(Long proposalId) {
        return new ApplicantScope("p.id = ?", proposalId);
    }
}
