package org.twinflow.system.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Lets a request through only for users whom Camunda lets use a webapp: ACCESS on the APPLICATION
 * {@code cockpit} or {@code admin}, as Camunda's own check of the app pages (ApplicationRequestAuthorizer)
 * decides. Camunda checks only "signed in" for the webapps' data APIs; this applies the pages' rule to
 * them. Administrators grant it in Admin; {@code camunda-admin} has every application.
 */
final class CamundaApplicationAccess implements AuthorizationManager<RequestAuthorizationContext> {

    static final String COCKPIT = "cockpit";
    static final String ADMIN = "admin";

    private final AuthorizationService authorizationService;
    private final String application;
    private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

    CamundaApplicationAccess(AuthorizationService authorizationService, String application) {
        this.authorizationService = authorizationService;
        this.application = application;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext request) {
        Authentication user = authentication.get();
        if (user == null || !user.isAuthenticated() || trustResolver.isAnonymous(user)) {
            return new AuthorizationDecision(false);
        }
        // True without authorization checks, like Camunda's own; camunda-admin is granted ALL on every application.
        return new AuthorizationDecision(authorizationService.isUserAuthorized(user.getName(),
                SpringSecurityCamundaAuthenticationProvider.camundaGroups(user), Permissions.ACCESS,
                Resources.APPLICATION, application));
    }
}
