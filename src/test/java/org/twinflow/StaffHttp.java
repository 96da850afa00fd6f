package org.twinflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A staff member completing tasks over HTTP against the running application, as the two clients do:
 * a REST client on {@code /engine-rest} with HTTP Basic, or Tasklist on the webapps'
 * {@code /camunda/api/engine} with the session of the portal's sign-in and Camunda's X-XSRF-TOKEN.
 * Variables are sent as Tasklist sends them: scalars without a type, lists as {@code Json}.
 */
public final class StaffHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http;
    private final String engineApi;
    private final Map<String, String> headers;

    private StaffHttp(HttpClient http, String engineApi, Map<String, String> headers) {
        this.http = http;
        this.engineApi = engineApi;
        this.headers = headers;
    }

    /** {@code /engine-rest/engine/{engine}} with HTTP Basic, no session. */
    public static StaffHttp restApi(int port, String engineName, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new StaffHttp(HttpClient.newHttpClient(), "http://localhost:" + port + "/engine-rest/engine/" + engineName,
                Map.of("Authorization", "Basic " + basic));
    }

    /** {@code /camunda/api/engine/engine/{engine}} as Tasklist calls it, after signing in on the portal's page. */
    public static StaffHttp tasklist(int port, String engineName, String user, String password) throws IOException, InterruptedException {
        String base = "http://localhost:" + port;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginPage = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF_FIELD.matcher(loginPage);
        assertThat(csrf.find()).as("CSRF field of the sign-in page").isTrue();
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1) != null ? csrf.group(1) : csrf.group(2));
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location")).as("redirect after signing in as %s", user)
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        // Camunda's CSRF filter hands out the token on a GET of the webapp, as when Tasklist loads.
        HttpResponse<String> tasklist = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/" + engineName + "/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String token = tasklist.headers().firstValue("X-XSRF-TOKEN").orElseThrow(
                () -> new AssertionError("no X-XSRF-TOKEN from Tasklist (status " + tasklist.statusCode() + ")"));
        return new StaffHttp(http, base + "/camunda/api/engine/engine/" + engineName, Map.of("X-XSRF-TOKEN", token));
    }

    /** {@code POST task/{id}/complete}. */
    public HttpResponse<String> complete(String taskId, Map<String, Object> variables) throws IOException, InterruptedException {
        return post("/task/" + taskId + "/complete", variables);
    }

    /** {@code POST task/{id}/submit-form}, Tasklist's Complete button. */
    public HttpResponse<String> submitForm(String taskId, Map<String, Object> variables) throws IOException, InterruptedException {
        return post("/task/" + taskId + "/submit-form", variables);
    }

    /** {@code GET} of a path under the engine's API, e.g. {@code /task/{id}}. */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engineApi + path)).header("Accept", "application/json").GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The {@code message} of an error answer. */
    public static String message(HttpResponse<String> response) throws IOException {
        JsonNode body = JSON.readTree(response.body());
        return body.path("message").asText();
    }

    private HttpResponse<String> post(String path, Map<String, Object> variables) throws IOException, InterruptedException {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> variable : variables.entrySet()) {
            typed.put(variable.getKey(), variable.getValue() instanceof List<?> list
                    ? Map.of("value", JSON.writeValueAsString(list), "type", "Json")
                    : Collections.singletonMap("value", variable.getValue()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engineApi + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", typed))));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
