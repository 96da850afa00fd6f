package org.twinflow.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.twinflow.system.StaffGroups;

/** The demo staff and city accounts listed in the README. */
@Component
class DemoAccounts {

    record Account(String id, String firstName, String lastName, String email, String group) {
    }

    static final List<Account> ACCOUNTS = List.of(
            new Account("sofia", "Sofia", "Reyes", "sofia@secretariat.example", StaffGroups.SECRETARIAT),
            new Account("amara", "Amara", "Okafor", "amara@reviewers.example", StaffGroups.REVIEWERS),
            new Account("bao", "Bao", "Nguyen", "bao@reviewers.example", StaffGroups.REVIEWERS),
            new Account("chen", "Chen", "Wei", "chen@reviewers.example", StaffGroups.REVIEWERS),
            new Account("kofi", "Kofi", "Mensah", "kofi@committee.example", StaffGroups.COMMITTEE),
            new Account("surabaya", "Dewi", "Lestari", "international@surabaya.example", StaffGroups.CITIES),
            new Account("chiangmai", "Somchai", "Srisuk", "partnerships@chiangmai.example", StaffGroups.CITIES));

    private final IdentityService identityService;

    DemoAccounts(IdentityService identityService) {
        this.identityService = identityService;
    }

    void create(String password) {
        for (Account account : ACCOUNTS) {
            if (identityService.createUserQuery().userId(account.id()).count() > 0) {
                continue;
            }
            User user = identityService.newUser(account.id());
            user.setFirstName(account.firstName());
            user.setLastName(account.lastName());
            user.setEmail(account.email());
            user.setPassword(password);
            identityService.saveUser(user);
            identityService.createMembership(account.id(), account.group());
        }
    }
}
