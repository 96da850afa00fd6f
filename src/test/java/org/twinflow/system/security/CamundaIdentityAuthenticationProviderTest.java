package org.twinflow.system.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;

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
    private final CamundaIdentityAuthenticationProvider provider = new CamundaIdentityAuthenticationProvider(identityService, throttle);

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
