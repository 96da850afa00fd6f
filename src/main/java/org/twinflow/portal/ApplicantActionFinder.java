package org.twinflow.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.ApplicantActionSource;
import org.twinflow.proposal.ApplicantScope;

/**
 * What the applicant owes, composed from every stage's answer ({@link ApplicantActionSource}: the draft, the
 * clarification, the revision, the signed agreement, the reports), one query per stage whatever the number of
 * proposals, so "My proposals" never asks the engine or the database once per row. A proposal is in one stage at a
 * time, so at most one stage answers for it.
 */
@Component
class ApplicantActionFinder {

    private final List<ApplicantActionSource> stages;

    ApplicantActionFinder(List<ApplicantActionSource> stages) {
        this.stages = stages;
    }

    /** The pending action per proposal id of a city's proposals; proposals that owe nothing are absent. */
    @Transactional(readOnly = true)
    Map<Long, ApplicantAction> forCity(Long cityId) {
        return awaitedIn(ApplicantScope.city(cityId));
    }

    @Transactional(readOnly = true)
    Optional<ApplicantAction> forProposal(Long proposalId) {
        return Optional.ofNullable(awaitedIn(ApplicantScope.proposal(proposalId)).get(proposalId));
    }

    private Map<Long, ApplicantAction> awaitedIn(ApplicantScope scope) {
        Map<Long, ApplicantAction> actions = new LinkedHashMap<>();
        stages.forEach(stage -> stage.awaitedIn(scope).forEach(actions::putIfAbsent));
        return actions;
    }
}
