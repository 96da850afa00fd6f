package org.twinflow.system;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether anybody can administer this installation. {@code java -jar} without a profile starts with no
 * demo accounts and no administrator; rather than leave a new user at a sign-in page nobody can pass,
 * the start-up log and the sign-in page say how to get one.
 */
@Component
public class AdministratorCheck {

    private static final Logger log = LoggerFactory.getLogger(AdministratorCheck.class);

    private final IdentityService identityService;

    AdministratorCheck(IdentityService identityService) {
        this.identityService = identityService;
    }

    public boolean hasAdministrator() {
        return identityService.createUserQuery().memberOfGroup(StaffGroups.ADMINS).count() > 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWithoutAdministrator() {
        if (!hasAdministrator()) {
            log.warn("""
                    No administrator exists, so nobody can sign in to set Twinflow up. Either
                      - try the demo: start with the profile 'demo' (./mvnw spring-boot:run does; java -jar target/twinflow-*.jar \
                    --spring.profiles.active=demo), or
                      - run for real on MySQL: profile 'mysql' with TWINFLOW_ADMIN_ID and TWINFLOW_ADMIN_PASSWORD set (README, \
                    "Run on MySQL"); the administrator is created at start.""");
        }
    }
}
