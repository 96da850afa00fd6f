package org.twinflow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What HTTP Basic costs a REST client: the same small resource (the user's profile) read through
 * {@code /engine-rest} with Basic, by a user whose correct sign-in was a moment ago, and through the webapp API with
 * the session Tasklist has. The difference of the medians is what Basic adds.
 */
final class BasicAuthLatency {

    private BasicAuthLatency() {
    }

    static Map<String, Object> measure(TwinflowUnderTest app, TasklistSession session, String password, int iterations, Duration timeout) {
        String profile = "/user/" + session.userId + "/profile";
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((session.userId + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest rest = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/engine-rest/engine/" + app.engineName() + profile))
                .header("Authorization", basic).header("Accept", "application/json").timeout(timeout).GET().build();
        ConcurrentRun.Outcome signIn = ConcurrentRun.run(1, 1, (thread, i) -> get(http, rest));
        ConcurrentRun.Outcome withBasic = ConcurrentRun.run(1, iterations, (thread, i) -> get(http, rest));
        ConcurrentRun.Outcome withSession = ConcurrentRun.run(1, iterations, (thread, i) ->
                session.get("/camunda/api/engine/engine/" + app.engineName() + profile, "application/json"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("resource", "GET user/{id}/profile");
        result.put("firstBasicCallMs", signIn.latency().max());
        result.put("basic", withBasic.latency().asMap());
        result.put("session", withSession.latency().asMap());
        result.put("basicAddsAtP50Ms", Math.round((withBasic.latency().p50() - withSession.latency().p50()) * 10) / 10.0);
        result.put("errors", signIn.errors().size() + withBasic.errors().size() + withSession.errors().size());
        result.put("errorMessages", java.util.stream.Stream.of(signIn, withBasic, withSession).flatMap(o -> o.errors().stream()).limit(5).toList());
        return result;
    }

    private static void get(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpFailure.check("REST call with HTTP Basic", http.send(request, HttpResponse.BodyHandlers.ofString()));
    }
}
