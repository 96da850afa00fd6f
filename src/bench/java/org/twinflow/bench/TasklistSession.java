package org.twinflow.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A staff member's browser session as Tasklist and Cockpit use it: signed in once on the portal's /login, then
 * Camunda's webapp API with the session cookie and the X-XSRF-TOKEN header copied from the XSRF-TOKEN cookie.
 * Requests carry the headers Tasklist sends (Accept: application/hal+json for a filter's list).
 */
final class TasklistSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    /** What Tasklist sends for a filter's first page (cam-tasklist: taskListQuery), sorted as it sorts by default. */
    private static final String FIRST_PAGE = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"firstResult\":0,\"maxResults\":15,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final String base;
    private final String engineApi;
    private final Duration timeout;
    final String userId;

    private TasklistSession(int port, String engineName, String userId, Duration timeout) {
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        this.base = "http://localhost:" + port;
        this.engineApi = base + "/camunda/api/engine/engine/" + engineName;
        this.userId = userId;
        this.timeout = timeout;
    }

    /** Signs in on the portal's page and opens Tasklist, which hands out the XSRF token. */
    static TasklistSession signIn(int port, String engineName, String userId, String password, Duration timeout) {
        TasklistSession session = new TasklistSession(port, engineName, userId, timeout);
        Matcher csrf = CSRF_FIELD.matcher(session.send(HttpRequest.newBuilder(session.url("/login")).GET(), "sign-in page").body());
        if (!csrf.find()) {
            throw new HttpFailure("no CSRF field on the sign-in page");
        }
        String form = "username=" + enc(userId) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(session.url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)), "sign-in");
        if (signedIn.headers().firstValue("Location").orElse("/login").contains("/login")) {
            throw new HttpFailure("sign-in of " + userId + " failed: " + signedIn.headers().firstValue("Location").orElse("no redirect"));
        }
        session.send(HttpRequest.newBuilder(session.url("/camunda/app/tasklist/" + engineName + "/")).GET(), "Tasklist page");
        if (session.xsrfToken() == null) {
            throw new HttpFailure("Tasklist handed out no XSRF-TOKEN cookie to " + userId);
        }
        return session;
    }

    /** {@code POST filter/{id}/list}: Tasklist's request for a filter's first page, with its count (HAL). */
    String filterList(String filterId) {
        return send(HttpRequest.newBuilder(URI.create(engineApi + "/filter/" + filterId + "/list?firstResult=0&maxResults=15"))
                .header("Accept", "application/hal+json, application/json; q=0.5").header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrfToken()).POST(HttpRequest.BodyPublishers.ofString(FIRST_PAGE)), "list of filter " + filterId).body();
    }

    /** {@code GET filter/{id}/count}: the number of tasks in a filter. */
    long filterCount(String filterId) {
        String body = send(HttpRequest.newBuilder(URI.create(engineApi + "/filter/" + filterId + "/count"))
                .header("Accept", "application/json").GET(), "count of filter " + filterId).body();
        try {
            return JSON.readTree(body).path("count").asLong();
        } catch (IOException unreadable) {
            throw new HttpFailure("count of filter " + filterId + " unreadable: " + body);
        }
    }

    /** {@code POST task/{id}/submit-form}, Tasklist's Complete button; lists go as Json, scalars untyped, as Tasklist sends them. */
    void submitForm(String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Object> variable : variables.entrySet()) {
                typed.put(variable.getKey(), variable.getValue() instanceof List<?> list
                        ? Map.of("value", JSON.writeValueAsString(list), "type", "Json")
                        : Collections.singletonMap("value", variable.getValue()));
            }
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(engineApi + "/task/" + taskId + "/submit-form"))
                    .header("Accept", "application/json").header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", typed)))), "completion of task " + taskId);
            if (answer.statusCode() != 204) {
                throw new HttpFailure("completion of task " + taskId, answer);
            }
        } catch (IOException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    /** A GET of a webapp API or portal page, as the signed-in user; the body. */
    String get(String path, String accept) {
        return send(HttpRequest.newBuilder(url(path)).header("Accept", accept).GET(), path).body();
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue)
                .findFirst().orElse(null);
    }

    private URI url(String path) {
        return URI.create(base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        try {
            return HttpFailure.check(what + " as " + userId, http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException failed) {
            throw new HttpFailure(what + " as " + userId + ": " + failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
