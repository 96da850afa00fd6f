package org.twinflow.system.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;

/**
 * Camunda's container-based authentication for the webapps, fed by Spring Security. The stock filter
 * logs the user in to the webapp only on app pages and engine API calls; Tasklist's first call,
 * {@code /api/admin/auth/user/{engine}}, would then answer "not logged in". This also covers it.
 */
public class PortalContainerBasedAuthenticationFilter extends ContainerBasedAuthenticationFilter {

    private static final Pattern AUTH_USER = Pattern.compile("^/api/admin/auth/user/([\\w-]+)$");

    @Override
    protected String extractEngineName(HttpServletRequest request) {
        Matcher matcher = AUTH_USER.matcher(getRequestUri(request));
        if (matcher.matches()) {
            return matcher.group(1);
        }
        return super.extractEngineName(request);
    }
}
