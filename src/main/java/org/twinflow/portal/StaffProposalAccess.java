package org.twinflow.portal;

import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.twinflow.system.StaffGroups;
import org.twinflow.tasklist.StaffInvolvement;

/**
 * Who may open the staff view of a proposal: every member of the secretariat, the committee and
 * camunda-admin; a reviewer only with a task on that proposal, now or in the past ({@link StaffInvolvement}).
 */
@Component
class StaffProposalAccess {

    private static final Set<String> ALL_PROPOSALS = Set.of(StaffGroups.authority(StaffGroups.SECRETARIAT), StaffGroups.authority(StaffGroups.COMMITTEE),
            StaffGroups.authority(StaffGroups.ADMINS));

    private final StaffInvolvement involvement;

    StaffProposalAccess(StaffInvolvement involvement) {
        this.involvement = involvement;
    }

    boolean mayOpen(Authentication user, String reference) {
        Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        if (groups.stream().anyMatch(ALL_PROPOSALS::contains)) {
            return true;
        }
        return groups.contains(StaffGroups.authority(StaffGroups.REVIEWERS)) && involvement.hasOrHadTask(user.getName(), reference);
    }

    /** Whether the user sees the reviews with the reviewers' ids: the secretariat, the committee and administrators, not reviewers. */
    boolean seesReviews(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ALL_PROPOSALS::contains);
    }
}
