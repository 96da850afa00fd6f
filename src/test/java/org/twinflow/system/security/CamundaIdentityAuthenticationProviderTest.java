package org.twinflow.system.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.twinflow.system.security.signin.SignInChannel;
import org.twinflow.system.security.signin.SignInThrottle;
import org.twinflow.system.security.signin.SignInThrottledException;

/** The provider asks the throttle before it looks at a password, and reports every outcome to it. */
class CamundaIdentityAuthenticationProviderTest {

    private static final String ADDRESS = "203.0.113.9";

    private final IdentityService identityService = mock(IdentityService.class);
    private final SignInThrottle throttle = mock(SignInThrottle.class);
    private final SignInThrottle.Attempt attempt = mock(SignInThrottle.Attempt.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2027-03-01T09:00:00Z"));
    private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identityService, throttle,
            new RecentSignIns(Duration.ofMinutes(2), clock));

    @Test
    void shouldNotLookAtThePasswordWhileThrottled() {
        when(throttle.begin("sofia", ADDRESS, SignInChannel.FORM)).thenThrow(new SignInThrottledException(Duration.ofSeconds(30)));

        assertThatThrownBy(() -> provider.authenticate(signIn("sofia", "right password")))
                .isInstanceOf(SignInThrottledException.class);
        verifyNoInteractions(identityService);
    }

    @Test
    void shouldCountACheckThatCollidedWithAnotherAsAFailure() {
        // two checks of one account at once: Camunda's update of the user's attempt counter loses the race
        when(throttle.begin("sofia", ADDRESS, SignInChannel.FORM)).thenReturn(attempt);
        when(identityService.checkPassword("sofia", "guess")).thenThrow(new OptimisticLockingException("ACT_ID_USER updated concurrently"));

        assertThatThrownBy(() -> provider.authenticate(signIn("sofia", "guess"))).isInstanceOf(BadCredentialsException.class);
        verify(attempt).failed();
        verify(attempt, never()).succeeded();
    }

    @Test
    void shouldCountACheckThatBrokeOffAsAFailure() {
        // the database is gone: no attempt may stay pending (counting as in flight) for the throttle's window
        when(throttle.begin("sofia", ADDRESS, SignInChannel.FORM)).thenReturn(attempt);
        when(identityService.checkPassword("sofia", "guess")).thenThrow(new ProcessEngineException("connection refused"));

        assertThatThrownBy(() -> provider.authenticate(signIn("sofia", "guess"))).isInstanceOf(ProcessEngineException.class);
        verify(attempt).failed();
        verify(attempt, never()).succeeded();
    }

    @Test
    void shouldNotHashTheSamePasswordAgainWithinTwoMinutesButStillCheckEveryOtherOne() {
        // given a REST client that signed in with the right password
        when(throttle.begin("sofia", ADDRESS, SignInChannel.FORM)).thenReturn(attempt);
        when(identityService.checkPassword("sofia", "right password")).thenReturn(true);
        when(identityService.createGroupQuery()).thenAnswer(call -> groupQuery());
        provider.authenticate(signIn("sofia", "right password"));

        // when it sends the same credentials a minute later, the password is not checked again, nor throttled
        clock.advance(Duration.ofMinutes(1));
        provider.authenticate(signIn("sofia", "right password"));
        verify(identityService, times(1)).checkPassword("sofia", "right password");
        verify(throttle, times(1)).begin("sofia", ADDRESS, SignInChannel.FORM);
        verify(throttle).rememberedSuccess("sofia", ADDRESS);
        verify(identityService, times(1)).createGroupQuery();

        // but a wrong password for the same account is checked and throttled as before
        assertThatThrownBy(() -> provider.authenticate(signIn("sofia", "right passwore"))).isInstanceOf(BadCredentialsException.class);
        verify(identityService).checkPassword("sofia", "right passwore");
        verify(throttle, times(2)).begin("sofia", ADDRESS, SignInChannel.FORM);

        // and after two minutes the right one is checked again
        clock.advance(Duration.ofMinutes(1));
        provider.authenticate(signIn("sofia", "right password"));
        verify(identityService, times(2)).checkPassword("sofia", "right password");
    }

    @Test
    void shouldRefuseARememberedPasswordWhileItsClientIsThrottled() {
        // given the right password remembered, then the client throttled (it went on guessing)
        when(throttle.begin("sofia", ADDRESS, SignInChannel.FORM)).thenReturn(attempt);
        when(identityService.checkPassword("sofia", "right password")).thenReturn(true);
        when(identityService.createGroupQuery()).thenAnswer(call -> groupQuery());
        provider.authenticate(signIn("sofia", "right password"));
        org.mockito.Mockito.doThrow(new SignInThrottledException(Duration.ofSeconds(30))).when(throttle).rememberedSuccess("sofia", ADDRESS);

        // then the remembered password is refused too, so that guesses cannot be tested against it
        assertThatThrownBy(() -> provider.authenticate(signIn("sofia", "right password"))).isInstanceOf(SignInThrottledException.class);
    }

    private static org.camunda.bpm.engine.identity.GroupQuery groupQuery() {
        var query = mock(org.camunda.bpm.engine.identity.GroupQuery.class);
        when(query.groupMember(org.mockito.ArgumentMatchers.anyString())).thenReturn(query);
        when(query.list()).thenReturn(java.util.List.of());
        return query;
    }

    /** A clock a test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void shouldRefuseASignInThatCannotBeThrottled() {
        var withoutDetails = UsernamePasswordAuthenticationToken.unauthenticated("sofia", "guess");

        assertThatThrownBy(() -> provider.authenticate(withoutDetails))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SignInAttemptDetails");
        verifyNoInteractions(identityService, throttle);
    }

    private static UsernamePasswordAuthenticationToken signIn(String login, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(login, password);
        token.setDetails(new SignInAttemptDetails(ADDRESS, SignInChannel.FORM));
        return token;
    }
}
