package org.twinflow.system.security.signin;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The sign-in throttle ({@code twinflow.security.sign-in.*}, docs/security.md). Failed sign-ins are counted
 * over a sliding {@code window} by three keys; once a key has {@code max-failures} in the window, further
 * attempts are refused for {@code first-delay} after its last failure, doubling with each further failure,
 * at most {@code max-delay}.
 *
 * @param window            how long a failure counts
 * @param firstDelay        the wait after the failure that reaches a key's limit
 * @param accountAndAddress one login from one client address (guessing one password)
 * @param address           one client address, whatever login it tries (password spraying)
 * @param account           one login, from whatever address (a distributed attack; keep its delay short,
 *                          it also keeps the owner out)
 * @param retention         how long failures are kept for the administrators' page
 * @param purgeInterval     how often older failures are deleted
 */
@Validated
@ConfigurationProperties("twinflow.security.sign-in")
public record SignInThrottleProperties(
        @NotNull Duration window,
        @NotNull Duration firstDelay,
        @NotNull @Valid Limit accountAndAddress,
        @NotNull @Valid Limit address,
        @NotNull @Valid Limit account,
        @NotNull Duration retention,
        @NotNull Duration purgeInterval) {

    public SignInThrottleProperties {
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("twinflow.security.sign-in.first-delay must be positive, not " + firstDelay);
        }
        requireDelayWithinWindow("account-and-address", accountAndAddress, firstDelay, window);
        requireDelayWithinWindow("address", address, firstDelay, window);
        requireDelayWithinWindow("account", account, firstDelay, window);
        if (retention.compareTo(window) < 0) {
            throw new IllegalArgumentException("twinflow.security.sign-in.retention (" + retention
                    + ") must not be shorter than window (" + window + "): the throttle counts the failures kept");
        }
    }

    /** Failures older than the window no longer count: a longer delay would end early, when they drop out of it. */
    private static void requireDelayWithinWindow(String key, Limit limit, Duration firstDelay, Duration window) {
        if (limit.maxDelay().compareTo(firstDelay) < 0 || limit.maxDelay().compareTo(window) > 0) {
            throw new IllegalArgumentException("twinflow.security.sign-in." + key + ".max-delay (" + limit.maxDelay()
                    + ") must lie between first-delay (" + firstDelay + ") and window (" + window + ")");
        }
    }

    /** When a key is throttled: from its {@code maxFailures}-th failure in the window on, for at most {@code maxDelay}. */
    public record Limit(@Min(1) int maxFailures, @NotNull Duration maxDelay) {
    }
}
