package org.twinflow.system.security.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.twinflow.system.security.signin.SignInThrottleProperties.Limit;

/** The failed sign-ins of one throttle key within the window: how many, and the last one's time (null without any). */
record RecentFailures(long count, Instant last) {

    static final RecentFailures NONE = new RecentFailures(0, null);

    /**
     * Until when this key is throttled under {@code limit}: from its {@code maxFailures}-th failure on,
     * {@code firstDelay} after the last failure, doubled for every further failure, at most the limit's
     * {@code maxDelay}. Empty when not throttled at all (it may also lie in the past).
     */
    Optional<Instant> throttledUntil(Limit limit, Duration firstDelay) {
        if (count < limit.maxFailures()) {
            return Optional.empty();
        }
        long doublings = count - limit.maxFailures();
        Duration delay = firstDelay;
        for (long i = 0; i < doublings && delay.compareTo(limit.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(last.plus(delay.compareTo(limit.maxDelay()) < 0 ? delay : limit.maxDelay()));
    }
}
