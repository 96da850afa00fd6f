package org.twinflow.system.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.twinflow.system.StaffGroups;

/**
 * Signs people in against Camunda's identity service, where staff and city accounts live. Staff sign
 * in with their user id, city officers with their e-mail address. Groups become authorities
 * {@code GROUP_<id>}. A failure never says whether the account exists.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private static final String BAD_CREDENTIALS = "Wrong e-mail address, user id or password";

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName().strip();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String userId = userIdOf(login);
        if (userId == null || password.isEmpty() || !identityService.checkPassword(userId, password)) {
            throw new BadCredentialsException(BAD_CREDENTIALS);
        }
        List<GrantedAuthority> authorities = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(StaffGroups.authority(group.getId())))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    private String userIdOf(String login) {
        if (login.isEmpty()) {
            return null;
        }
        if (login.contains("@")) {
            List<User> users = identityService.createUserQuery().userEmail(login.toLowerCase(java.util.Locale.ROOT)).list();
            return users.size() == 1 ? users.get(0).getId() : null;
        }
        return login;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
