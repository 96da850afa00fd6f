package org.twinflow.system.security.signin;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes failed sign-ins older than {@code twinflow.security.sign-in.retention}, every
 * {@code purge-interval}: they hold logins (often e-mail addresses) and client addresses, personal data
 * that is kept no longer than an administrator needs to look back at an attack.
 */
@Configuration(proxyBeanMethods = false)
class SignInFailurePurge {

    private static final Logger log = LoggerFactory.getLogger(SignInFailurePurge.class);

    private final SignInFailures failures;
    private final SignInThrottleProperties policy;
    private final Clock clock;

    SignInFailurePurge(SignInFailures failures, SignInThrottleProperties policy, Clock clock) {
        this.failures = failures;
        this.policy = policy;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${twinflow.security.sign-in.purge-interval}", fixedDelayString = "${twinflow.security.sign-in.purge-interval}")
    int purge() {
        int deleted = failures.deleteOlderThan(clock.instant().minus(policy.retention()));
        if (deleted > 0) {
            log.info("Deleted {} failed sign-ins older than {}", deleted, policy.retention());
        }
        return deleted;
    }
}
