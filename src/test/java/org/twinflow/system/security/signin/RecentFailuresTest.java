package org.twinflow.system.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.twinflow.system.security.signin.SignInThrottleProperties.Limit;

/** The delay rule: nothing below the limit, then the first delay after the last failure, doubling per further failure, capped. */
class RecentFailuresTest {

    private static final Instant LAST = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    private static final Limit LIMIT = new Limit(5, Duration.ofMinutes(15));

    @Test
    void shouldNotThrottleBelowTheLimit() {
        assertThat(new RecentFailures(4, LAST).throttledUntil(LIMIT, FIRST_DELAY)).isEmpty();
        assertThat(RecentFailures.NONE.throttledUntil(LIMIT, FIRST_DELAY)).isEmpty();
    }

    @Test
    void shouldDoubleTheDelayWithEachFailureOverTheLimitUpToTheMaximum() {
        assertThat(delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(delayAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(delayAfter(7)).isEqualTo(Duration.ofMinutes(2));
        assertThat(delayAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(delayAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(delayAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }

    private static Duration delayAfter(long failures) {
        return Duration.between(LAST, new RecentFailures(failures, LAST).throttledUntil(LIMIT, FIRST_DELAY).orElseThrow());
    }
}
