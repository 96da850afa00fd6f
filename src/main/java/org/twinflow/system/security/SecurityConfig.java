package org.twinflow.system.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import java.io.IOException;
import java.util.LinkedHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.twinflow.system.StaffGroups;
import org.twinflow.system.security.signin.SignInChannel;
import org.twinflow.system.security.signin.SignInThrottledException;
import org.twinflow.system.web.FormRefusalHandler;

/**
 * One sign-in for everybody (see ../shared/SSO-NOTES.md): the portal's form login authenticates
 * against Camunda's identity service; Tasklist, Cockpit and Admin trust that session through
 * container-based authentication; {@code /engine-rest} takes HTTP Basic, for staff only, without a
 * session. Cities land in "My proposals", staff in Tasklist; cities get nothing under /camunda or
 * /engine-rest, and staff cannot use the city pages.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    static final String[] STAFF = {
            StaffGroups.authority(StaffGroups.SECRETARIAT), StaffGroups.authority(StaffGroups.REVIEWERS),
            StaffGroups.authority(StaffGroups.COMMITTEE), StaffGroups.authority(StaffGroups.ADMINS)};
    static final String CITY = StaffGroups.authority(StaffGroups.CITIES);
    static final String SECRETARIAT = StaffGroups.authority(StaffGroups.SECRETARIAT);
    static final String ADMINS = StaffGroups.authority(StaffGroups.ADMINS);
    static final String COMMITTEE = StaffGroups.authority(StaffGroups.COMMITTEE);
    static final String CITY_HOME = "/proposals";
    static final String STAFF_HOME = "/camunda/app/tasklist/";
    /** Query parameter of the sign-in page: the minutes a throttled sign-in must wait. */
    public static final String SIGN_IN_THROTTLED = "throttled";
    /**
     * The portal's static files: public, the same for everybody, and cached by browsers (WebResources); whatever
     * else a response carries, Spring Security marks no-store. Linked with their content's hash in the name
     * ({@code /favicon-3159….svg}, {@code /css/twinflow-03d2….css}).
     */
    static final RequestMatcher STATIC_FILES = new OrRequestMatcher(withDefaults().matcher("/css/**"), withDefaults().matcher("/js/**"),
            withDefaults().matcher("/images/**"), withDefaults().matcher("/favicon*.ico"), withDefaults().matcher("/favicon*.svg"),
            withDefaults().matcher("/robots.txt"));
    private static final String PORTAL_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    @Bean
    @Order(1)
    SecurityFilterChain restApiSecurity(HttpSecurity http, MessageSource messages) throws Exception {
        return http.securityMatcher(withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(passwordCheck("/engine-rest/identity/verify")).denyAll()
                        .anyRequest().hasAnyAuthority(STAFF))
                .httpBasic(basic -> basic
                        .authenticationDetailsSource(SignInAttemptDetails.from(SignInChannel.BASIC))
                        .authenticationEntryPoint(new RestApiEntryPoint(messages)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless, Basic only: the portal's session cookie does not authenticate here, so no CSRF risk.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain portalSecurity(HttpSecurity http, AuthorizationService authorizationService) throws Exception {
        RequestMatcher camundaApi = withDefaults().matcher("/camunda/api/**");
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(new NegatedRequestMatcher(camundaApi));
        var entryPoints = new LinkedHashMap<RequestMatcher, AuthenticationEntryPoint>();
        entryPoints.put(camundaApi, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        var entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
        entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));

        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(withDefaults().matcher("/"), withDefaults().matcher("/login"),
                                withDefaults().matcher("/register/**"), withDefaults().matcher("/error"),
                                withDefaults().matcher("/actuator/health"), withDefaults().matcher("/calls/**")).permitAll()
                        .requestMatchers(STATIC_FILES).permitAll()
                        // The webapps' own login would create a Camunda-only session: never.
                        .requestMatchers(withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*")).denyAll()
                        // Setup creates the first admin when none exists; admins come from configuration instead.
                        .requestMatchers(withDefaults().matcher("/camunda/api/admin/setup/**")).denyAll()
                        .requestMatchers(passwordCheck("/camunda/api/engine/engine/*/identity/verify")).denyAll()
                        // Every webapp, Tasklist too, asks who is signed in and loads its plugins' scripts.
                        .requestMatchers(withDefaults().matcher("/camunda/api/admin/auth/**"),
                                withDefaults().matcher("/camunda/api/*/plugin/*/static/**")).hasAnyAuthority(STAFF)
                        // Camunda lets any signed-in user read Cockpit's and Admin's data APIs; here only those who may use the app.
                        .requestMatchers(withDefaults().matcher("/camunda/api/cockpit/**"))
                                .access(staffWithApplication(authorizationService, CamundaApplicationAccess.COCKPIT))
                        .requestMatchers(withDefaults().matcher("/camunda/api/admin/**"), withDefaults().matcher("/staff/security/**"))
                                .access(staffWithApplication(authorizationService, CamundaApplicationAccess.ADMIN))
                        // Calls for proposals: the secretariat writes, publishes and extends them; administrators may look.
                        .requestMatchers(withDefaults().matcher("/staff/calls/new")).hasAuthority(SECRETARIAT)
                        .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/staff/calls/*/ranking")).hasAnyAuthority(SECRETARIAT, COMMITTEE, ADMINS)
                        .requestMatchers(withDefaults().matcher(HttpMethod.GET, "/staff/calls"),
                                withDefaults().matcher(HttpMethod.GET, "/staff/calls/*")).hasAnyAuthority(SECRETARIAT, ADMINS)
                        .requestMatchers(withDefaults().matcher("/staff/calls/**")).hasAuthority(SECRETARIAT)
                        .requestMatchers(withDefaults().matcher("/camunda/**"), withDefaults().matcher("/staff/**")).hasAnyAuthority(STAFF)
                        .requestMatchers(withDefaults().matcher("/proposals/**")).hasAuthority(CITY)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(SignInAttemptDetails.from(SignInChannel.FORM))
                        .successHandler(new LandingPageHandler(requestCache))
                        .failureHandler(SecurityConfig::signInFailed)
                        .permitAll())
                .logout(logout -> logout
                        .logoutRequestMatcher(new OrRequestMatcher(withDefaults().matcher(HttpMethod.POST, "/logout"),
                                withDefaults().matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout")))
                        .logoutSuccessHandler(logoutSuccess()))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(new FormRefusalHandler()))
                // Camunda's webapps carry their own CSRF protection (X-XSRF-TOKEN); Spring's covers the portal.
                .csrf(csrf -> csrf.ignoringRequestMatchers(withDefaults().matcher("/camunda/**")))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        // Pages and data are never stored (no-store); the static files say how long they keep (WebResources),
                        // and that is not overwritten here. Every other security header still goes on every response.
                        .cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(STATIC_FILES),
                                new CacheControlHeadersWriter()))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                                new NegatedRequestMatcher(withDefaults().matcher("/camunda/**")), new ContentSecurityPolicyHeaderWriter(PORTAL_CSP))))
                .build();
    }

    /**
     * Camunda's REST API checks the password of any user the caller may read at {@code POST …/identity/verify},
     * outside the sign-in and its throttle; no webapp uses it.
     */
    private static RequestMatcher passwordCheck(String path) {
        return withDefaults().matcher(HttpMethod.POST, path);
    }

    private static AuthorizationManager<RequestAuthorizationContext> staffWithApplication(AuthorizationService authorizationService,
            String application) {
        return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasAnyAuthority(STAFF),
                new CamundaApplicationAccess(authorizationService, application));
    }

    /** A throttled sign-in says for how long, in minutes; any other failure the same for every reason. */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String target = failure instanceof SignInThrottledException throttled
                ? "/login?" + SIGN_IN_THROTTLED + "=" + throttled.retryAfterMinutes()
                : "/login?error";
        response.sendRedirect(request.getContextPath() + target);
    }

    /** Camunda's webapp logout XHR expects 200; the portal goes back to the sign-in page. */
    private static LogoutSuccessHandler logoutSuccess() {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
                response.setStatus(HttpServletResponse.SC_OK);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?logout");
            }
        };
    }

    /** Cities land in "My proposals"; staff where they were going, else in Tasklist. */
    static class LandingPageHandler extends SavedRequestAwareAuthenticationSuccessHandler {

        LandingPageHandler(HttpSessionRequestCache requestCache) {
            setRequestCache(requestCache);
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, jakarta.servlet.ServletException {
            makeTheSessionsCsrfTokenNow(request);
            boolean city = authentication.getAuthorities().stream().anyMatch(a -> CITY.equals(a.getAuthority()));
            setDefaultTargetUrl(city ? CITY_HOME : STAFF_HOME);
            if (city) {
                // A city never resumes a staff URL it may have bookmarked.
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, CITY_HOME);
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /**
     * The sign-in replaced the session's CSRF token; the new one is made here, with the sign-in's response, not by
     * whichever of the next requests needs it first. Tabs opened at once after signing in would each make one, and as
     * each request works on its own copy of the session (kept in the database), the token stored last would win and the
     * forms of the other tabs be refused (403).
     */
    private static void makeTheSessionsCsrfTokenNow(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
    }

    @Bean
    FilterRegistrationBean<PortalContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new PortalContainerBasedAuthenticationFilter());
        registration.setName("camunda-webapp-sso");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addInitParameter("authentication-provider", SpringSecurityCamundaAuthenticationProvider.class.getName());
        return registration;
    }

    /** Sets the signed-in staff member on the engine for each REST call, so authorization checks apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 2);
        registration.addUrlPatterns("/engine-rest/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                SpringSecurityCamundaAuthenticationProvider.class.getName());
        return registration;
    }
}
