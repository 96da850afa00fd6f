package org.twinflow.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.TestUsers;
import org.twinflow.system.StaffGroups;

/**
 * Cockpit's and Admin's data APIs follow the same rule as their pages: only users whom Camunda lets use the
 * app (APPLICATION ACCESS; camunda-admin has all) reach {@code /camunda/api/cockpit/**} and
 * {@code /camunda/api/admin/**}. Tasklist keeps working for all staff. Over real HTTP with the portal's
 * session, since the webapps' APIs are Jersey servlets outside MockMvc.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CamundaWebappAccessIT {

    private static final String PASSWORD = "correct horse battery staple";
    /** From application-test.yaml. */
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "test-admin-password";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final List<String> COCKPIT_DATA = List.of(
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
            "/camunda/api/cockpit/plugin/base/default/process-instance/count",
            "/camunda/api/cockpit/plugin/base/default/incident/count");
    private static final String ADMIN_METRICS = "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
            + "?subscriptionStartDate=2020-01-01T00:00:00.000%2B0000&groupBy=year";
    private static final List<String> TASKLIST = List.of(
            "/camunda/app/tasklist/default/",
            "/camunda/api/admin/auth/user/default",
            "/camunda/api/engine/engine/default/task/count",
            "/camunda/api/tasklist/plugin/portal-sso/static/app/plugin.js",
            "/camunda/api/cockpit/plugin/portal-sso/static/app/plugin.js",
            // every webapp also asks each plugin for its stylesheet
            "/camunda/api/tasklist/plugin/portal-sso/static/app/plugin.css",
            "/camunda/api/cockpit/plugin/portal-sso/static/app/plugin.css");

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> grants = new ArrayList<>();

    @AfterEach
    void revokeGrants() {
        grants.forEach(authorizationService::deleteAuthorization);
    }

    @Test
    void shouldKeepReviewersTheSecretariatAndTheCommitteeOutOfCockpitAndAdminDataButLetThemUseTasklist() throws Exception {
        for (String group : List.of(StaffGroups.REVIEWERS, StaffGroups.SECRETARIAT, StaffGroups.COMMITTEE)) {
            Session session = signIn(staffMember("webapp" + group, group), PASSWORD);

            for (String path : COCKPIT_DATA) {
                assertThat(session.get(path).statusCode()).as("%s for %s", path, group).isEqualTo(403);
            }
            assertThat(session.get(ADMIN_METRICS).statusCode()).as("Admin's metrics for %s", group).isEqualTo(403);
            for (String path : TASKLIST) {
                assertThat(session.get(path).statusCode()).as("%s for %s", path, group).isEqualTo(200);
            }
            // Admin lists users through the engine API, which Tasklist needs: Camunda shows each only their own user
            HttpResponse<String> users = session.get("/camunda/api/engine/engine/default/user");
            assertThat(users.statusCode()).isEqualTo(200);
            assertThat(json.readTree(users.body()).findValuesAsText("id")).containsExactly("webapp" + group);
        }
    }

    @Test
    void shouldAnswerTheWebappsRequestForThePortalPluginsStylesheet() throws Exception {
        // Tasklist, Cockpit, Admin and Welcome load <plugin>/static/app/plugin.css?bust=<version> for every plugin they list
        Session session = signIn(ADMIN, ADMIN_PASSWORD);
        for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
            HttpResponse<String> css = session.get("/camunda/api/" + app + "/plugin/portal-sso/static/app/plugin.css?bust=7.24.0");
            assertThat(css.statusCode()).as("plugin.css in %s", app).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type")).as("plugin.css in %s", app)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        }
    }

    @Test
    void shouldLetAdministratorsReadCockpitAndAdminData() throws Exception {
        Session admin = signIn(ADMIN, ADMIN_PASSWORD);

        for (String path : COCKPIT_DATA) {
            assertThat(admin.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(admin.get(ADMIN_METRICS).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldDecideByCamundasApplicationAuthorizationsNotByGroup() throws Exception {
        // given a secretariat member whom an administrator allowed to use Cockpit, not Admin
        String auditor = staffMember("webappauditor", StaffGroups.SECRETARIAT);
        Authorization cockpit = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        cockpit.setUserId(auditor);
        cockpit.setResource(Resources.APPLICATION);
        cockpit.setResourceId(CamundaApplicationAccess.COCKPIT);
        cockpit.addPermission(Permissions.ACCESS);
        grants.add(authorizationService.saveAuthorization(cockpit).getId());

        Session session = signIn(auditor, PASSWORD);

        assertThat(session.get(COCKPIT_DATA.get(0)).statusCode()).isEqualTo(200);
        assertThat(session.get(ADMIN_METRICS).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseCamundasPasswordCheckInTheWebappsEngineApi() throws Exception {
        // given a staff member in Tasklist, with Camunda's CSRF token, who may read another user (as an assignee picker would need)
        String staff = staffMember("webappverifier", StaffGroups.SECRETARIAT);
        String victim = staffMember("webappverified", StaffGroups.SECRETARIAT);
        Authorization readVictim = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        readVictim.setUserId(staff);
        readVictim.setResource(Resources.USER);
        readVictim.setResourceId(victim);
        readVictim.addPermission(Permissions.READ);
        grants.add(authorizationService.saveAuthorization(readVictim).getId());
        Session session = signIn(staff, PASSWORD);
        session.get("/camunda/api/admin/auth/user/default");
        String token = session.cookie("XSRF-TOKEN");

        // then a modifying call with the token goes through, but checking that user's password does not
        assertThat(session.post("/camunda/api/engine/engine/default/task/count", "{}", token).statusCode()).isEqualTo(200);
        assertThat(session.post("/camunda/api/engine/engine/default/identity/verify",
                "{\"username\":\"" + victim + "\",\"password\":\"" + PASSWORD + "\"}", token).statusCode()).isEqualTo(403);
    }

    private String staffMember(String id, String group) {
        return TestUsers.ensure(identityService, id, "Test", id, id + "@webapp.example", PASSWORD, group);
    }

    /** Signs in on the portal's form, as a browser does, and returns the session. */
    private Session signIn(String user, String password) throws Exception {
        Session session = new Session();
        Matcher csrf = CSRF_FIELD.matcher(session.get("/login").body());
        assertThat(csrf.find()).as("CSRF field on the sign-in page").isTrue();
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> signedIn = session.http.send(HttpRequest.newBuilder(session.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).as("landing page of %s", user).hasValueSatisfying(
                location -> assertThat(location).endsWith(SecurityConfig.STAFF_HOME));
        return session;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One browser: its cookies, no redirects followed. */
    private final class Session {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body, String camundaCsrfToken) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").header("X-XSRF-TOKEN", camundaCsrfToken)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies.getCookieStore().getCookies()));
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
