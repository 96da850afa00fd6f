package org.twinflow.notification;

import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.twinflow.system.StaffGroups;

/**
 * Who reads which mail of the demo mailbox: members of {@code camunda-admin} every mail; everybody else,
 * city officer or staff, the mails addressed to the e-mail address of their own Camunda user (the signed-in
 * name is the user id, also for city officers who sign in with their e-mail address), so nobody without
 * one sees any.
 */
@Component
@ConditionalOnBooleanProperty(DemoMailbox.ENABLED)
class DemoMailboxAccess {

    private static final String ADMIN = StaffGroups.authority(StaffGroups.ADMINS);

    private final IdentityService identityService;

    DemoMailboxAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    Predicate<DemoMail> readableBy(Authentication user) {
        if (user.getAuthorities().stream().anyMatch(authority -> ADMIN.equals(authority.getAuthority()))) {
            return mail -> true;
        }
        User account = identityService.createUserQuery().userId(user.getName()).singleResult();
        String email = account == null ? null : account.getEmail();
        if (email == null || email.isBlank()) {
            return mail -> false;
        }
        return mail -> email.strip().equalsIgnoreCase(mail.to());
    }
}
