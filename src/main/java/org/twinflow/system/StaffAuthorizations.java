package org.twinflow.system;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups and grants each exactly what its work needs, at every start and
 * idempotently. Task access comes from {@code camunda:candidateGroups} and assignees (the engine grants
 * it per task); {@code camunda-admin} gets everything from Camunda's admin-user set-up.
 */
@Component
class StaffAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(StaffAuthorizations.class);
    private static final List<String> PROCESS_KEYS = List.of("partnership-proposal", "partnership-follow-up", "call-for-proposals");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final GroupGrants grants;

    StaffAuthorizations(IdentityService identityService, AuthorizationService authorizationService, GroupGrants grants) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.grants = grants;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void grant() {
        Map.of(StaffGroups.SECRETARIAT, "Secretariat", StaffGroups.REVIEWERS, "Reviewers",
                StaffGroups.COMMITTEE, "Committee", StaffGroups.CITIES, "City accounts")
                .forEach(this::ensureGroup);
        for (String staff : List.of(StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE)) {
            grants.grant(staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            for (String key : PROCESS_KEYS) {
                grants.grant(staff, Resources.PROCESS_DEFINITION, key, Permissions.READ);
            }
        }
        // The secretariat runs the procedure end to end: it may follow every proposal's instance and history.
        for (String key : PROCESS_KEYS) {
            grants.grant(StaffGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, key, Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        }
        grants.grant(StaffGroups.SECRETARIAT, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grants.grant(StaffGroups.SECRETARIAT, Resources.DECISION_DEFINITION, "proposalEligibility", Permissions.READ);
        grants.grant(StaffGroups.SECRETARIAT, Resources.PROCESS_DEFINITION, "city-registration", Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY);
        revokeReadOfAllFilters();
        log.info("Staff groups and authorizations are in place");
    }

    /** Filters are granted one by one (TasklistFilters); an older grant on every filter is withdrawn. */
    private void revokeReadOfAllFilters() {
        authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE)
                .resourceType(Resources.FILTER).resourceId("*").list()
                .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
    }

    private void ensureGroup(String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(StaffGroups.CITIES.equals(id) ? "EXTERNAL" : "WORKFLOW");
            identityService.saveGroup(group);
        }
    }

}
