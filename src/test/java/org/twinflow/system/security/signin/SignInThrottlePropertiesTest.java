package org.twinflow.system.security.signin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.twinflow.system.security.signin.SignInThrottleProperties.Limit;

/** A policy that could not work is refused at start-up with a message naming the setting. */
class SignInThrottlePropertiesTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Limit PAIR = new Limit(5, Duration.ofMinutes(15));

    @Test
    void shouldRefuseADelayLongerThanTheWindow() {
        // the failures would drop out of the window before the delay ends
        assertThatThrownBy(() -> new SignInThrottleProperties(Duration.ofMinutes(10), Duration.ofSeconds(30), PAIR, PAIR, PAIR,
                Duration.ofDays(30), HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twinflow.security.sign-in.account-and-address.max-delay (PT15M) must lie between");
    }

    @Test
    void shouldRefuseARetentionShorterThanTheWindow() {
        assertThatThrownBy(() -> new SignInThrottleProperties(HOUR, Duration.ofSeconds(30), PAIR, PAIR, PAIR, Duration.ofMinutes(30), HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twinflow.security.sign-in.retention (PT30M) must not be shorter than window (PT1H)");
    }

    @Test
    void shouldRefuseNoFirstDelay() {
        assertThatThrownBy(() -> new SignInThrottleProperties(HOUR, Duration.ZERO, PAIR, PAIR, PAIR, Duration.ofDays(30), HOUR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first-delay must be positive");
    }
}
