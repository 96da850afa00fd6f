package org.twinflow.system.security;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.twinflow.system.StaffGroups;
import org.twinflow.system.security.signin.SignInThrottle;

/**
 * Signs people in against Camunda's identity service, where staff and city accounts live. Staff sign
 * in with their user id, city officers with their e-mail address. Groups become authorities
 * {@code GROUP_<id>}. A failure never says whether the account exists. Every sign-in, form or HTTP Basic,
 * passes the {@link SignInThrottle} first: a throttled one is refused before its password is looked at.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "Wrong e-mail address, user id or password";

    private final IdentityService identityService;
    private final SignInThrottle throttle;
    private final RecentSignIns recentSignIns;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, SignInThrottle throttle, RecentSignIns recentSignIns) {
        this.identityService = identityService;
        this.throttle = throttle;
        this.recentSignIns = recentSignIns;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        if (!(authentication.getDetails() instanceof SignInAttemptDetails details)) {
            throw new IllegalStateException("A sign-in without SignInAttemptDetails cannot be throttled: set the "
                    + "authentication details source of its filter (SecurityConfig)");
        }
        // The same right password a moment ago (a REST client sends it with every request): no hash, but the throttle
        // still refuses a throttled client, so that it cannot test guesses against what was remembered.
        RecentSignIns.Verified signedIn = recentSignIns.verifiedOf(login, password).orElse(null);
        if (signedIn != null) {
            throttle.rememberedSuccess(login, details.clientAddress());
        } else {
            String userId = checkedUserId(login, password, throttle.begin(login, details.clientAddress(), details.channel()));
            if (userId == null) {
                throw new BadCredentialsException(BAD_CREDENTIALS);
            }
            List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                    .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(StaffGroups.authority(group.getId())))
                    .toList();
            signedIn = new RecentSignIns.Verified(userId, authorities);
            recentSignIns.remember(login, password, signedIn);
        }
        return UsernamePasswordAuthenticationToken.authenticated(signedIn.userId(), null, signedIn.authorities());
    }

    /** The user id if the password is right, else null. The attempt learns its outcome, also when the check breaks off. */
    private String checkedUserId(String login, String password, SignInThrottle.Attempt attempt) {
        boolean right = false;
        try {
            String userId = userIdOf(login);
            right = userId != null && !password.isEmpty() && passwordMatches(userId, password);
            return right ? userId : null;
        } finally {
            if (right) {
                attempt.succeeded();
            } else {
                attempt.failed();
            }
        }
    }

    /**
     * Camunda counts each check's outcome on the user's row (ACT_ID_USER.ATTEMPTS_, optimistically locked):
     * two checks of one account at the same moment collide, and the loser counts as a failed attempt.
     */
    private boolean passwordMatches(String userId, String password) {
        try {
            return identityService.checkPassword(userId, password);
        } catch (OptimisticLockingException concurrentCheck) {
            return false;
        }
    }

    private String userIdOf(String login) {
        if (login.isEmpty()) {
            return null;
        }
        if (login.contains("@")) {
            List<User> users = identityService.createUserQuery().userEmail(login.toLowerCase(Locale.ROOT)).list();
            return users.size() == 1 ? users.get(0).getId() : null;
        }
        return login;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
