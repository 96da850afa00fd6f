package org.twinflow.system.security;

import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.twinflow.system.StaffGroups;

/**
 * Lets Camunda's webapps and REST API trust the Spring Security sign-in: the user and groups of the
 * current request's security context become the engine's authentication. Camunda instantiates this
 * class itself by name (filter init-param), so it has a public no-argument constructor and is no bean.
 */
public class SpringSecurityCamundaAuthenticationProvider implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(jakarta.servlet.http.HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(camundaGroups(authentication));
        return result;
    }

    /** The Camunda groups of a Spring Security sign-in: its {@code GROUP_} authorities without the prefix. */
    static List<String> camundaGroups(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(StaffGroups.AUTHORITY_PREFIX))
                .map(a -> a.substring(StaffGroups.AUTHORITY_PREFIX.length()))
                .toList();
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        // Spring Security answers unauthenticated requests before they reach Camunda.
    }
}
