package org.twinflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users in Camunda's identity service for tests (user ids: letters and digits only). */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates the user with these names, e-mail, password and groups, unless a user with this id exists. */
    public static String ensure(IdentityService identityService, String id, String firstName, String lastName, String email,
            String password, String... groups) {
        if (identityService.createUserQuery().userId(id).count() > 0) {
            return id;
        }
        User user = identityService.newUser(id);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(password);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
        return id;
    }
}
