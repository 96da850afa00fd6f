package org.twinflow.portal;

import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.twinflow.system.StaffGroups;

/**
 * Who may open the staff view of a proposal: every member of the secretariat, the committee and
 * camunda-admin; a reviewer only with a task on that proposal, now or in the past (as assignee or
 * candidate user of a task of the proposal's process instances, business key = reference).
 */
@Component
class StaffProposalAccess {

    private static final Set<String> ALL_PROPOSALS = Set.of(StaffGroups.authority(StaffGroups.SECRETARIAT), StaffGroups.authority(StaffGroups.COMMITTEE),
            StaffGroups.authority(StaffGroups.ADMINS));

    private final TaskService taskService;
    private final HistoryService historyService;

    StaffProposalAccess(TaskService taskService, HistoryService historyService) {
        this.taskService = taskService;
        this.historyService = historyService;
    }

    boolean mayOpen(Authentication user, String reference) {
        Set<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        if (groups.stream().anyMatch(ALL_PROPOSALS::contains)) {
            return true;
        }
        return groups.contains(StaffGroups.authority(StaffGroups.REVIEWERS)) && hasOrHadTask(user.getName(), reference);
    }

    /** Whether the user sees the reviews with the reviewers' ids: the secretariat, the committee and administrators, not reviewers. */
    boolean seesReviews(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ALL_PROPOSALS::contains);
    }

    private boolean hasOrHadTask(String userId, String reference) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).taskAssignee(userId).count() > 0
                || historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).taskInvolvedUser(userId).count() > 0
                || taskService.createTaskQuery().processInstanceBusinessKey(reference).taskCandidateUser(userId).count() > 0;
    }
}
