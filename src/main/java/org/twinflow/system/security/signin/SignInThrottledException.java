package org.twinflow.system.security.signin;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password, because its login, its client address or both have
 * failed too often lately. Says nothing about whether the account exists.
 */
public class SignInThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins; retry after " + retryAfter);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The wait in whole seconds, rounded up (at least 1), as HTTP's Retry-After wants it. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The wait in whole minutes, rounded up (at least 1), as the sign-in page says it. */
    public long retryAfterMinutes() {
        return (retryAfterSeconds() + 59) / 60;
    }
}
