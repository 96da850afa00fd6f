package org.twinflow.system.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.TestUsers;
import org.twinflow.system.StaffGroups;

/**
 * The sign-in throttle on {@code /engine-rest} (HTTP Basic), over real HTTP: a throttled client gets 429
 * with Retry-After; the client's address comes from X-Forwarded-For set by a proxy on an internal address
 * ({@code server.forward-headers-strategy: native}; the tests connect from 127.0.0.1); parallel guesses
 * get no more password checks than the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestApiSignInThrottleIT {

    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired AuthorizationService authorizationService;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void freezeTheClock() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldAnswer429WithRetryAfterWhileThrottledAndLetTheSameUserInFromAnotherAddress() throws Exception {
        // given five wrong passwords for a staff member from one client behind the proxy
        String user = staffMember("restthrottled");
        String client = "198.51.100.17";
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = get(user, "wrong " + i, client);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Twinflow\"");
        }

        // when the right password comes from that client
        HttpResponse<String> throttled = get(user, PASSWORD, client);

        // then it must wait half a minute, and says so as Camunda's REST errors do
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("30");
        JsonNode error = json.readTree(throttled.body());
        assertThat(error.path("type").asText()).isEqualTo("SignInThrottled");
        assertThat(error.path("message").asText()).isEqualTo(
                "Too many failed sign-ins from this address or with this user name. Retry after 30 seconds.");

        // and the failures were recorded with the client's address from X-Forwarded-For, not the proxy's
        assertThat(jdbc.sql("SELECT channel FROM sign_in_failure WHERE login = :login AND client_address = :address")
                .param("login", user).param("address", client).query(String.class).list())
                .hasSize(5).containsOnly("BASIC");

        // and the same user from another client is let in at once
        assertThat(get(user, PASSWORD, "198.51.100.18").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldGiveParallelGuessesNoMorePasswordChecksThanTheLimit() throws Exception {
        // given twenty guesses sent at once from one client
        String user = staffMember("restparallel");
        String client = "198.51.100.33";
        Map<Integer, Long> statuses = sendAtOnce(20, user, i -> "parallel guess " + i, client).stream()
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

        // then at most five had their password checked (401), the others waited (429)
        assertThat(statuses.keySet()).isSubsetOf(401, 429);
        assertThat(statuses.getOrDefault(401, 0L)).as("guesses checked, of %s", statuses).isLessThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE login = :login").param("login", user).query(Long.class).single())
                .as("failures recorded").isEqualTo(statuses.getOrDefault(401, 0L));
    }

    @Test
    void shouldLetAScriptWithTheRightPasswordSignInFiveTimesAtOnceAndAskTheRestToRetryInASecond() throws Exception {
        String user = staffMember("restscript");
        String client = "198.51.100.44";

        // five requests at once all get in
        assertThat(sendAtOnce(5, user, i -> PASSWORD, client)).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));

        // of twenty at once, those beyond the checks in flight are asked to retry in a second, not throttled as guesses
        assertThat(sendAtOnce(20, user, i -> PASSWORD, client)).allSatisfy(response -> {
            assertThat(response.statusCode()).isIn(200, 429);
            if (response.statusCode() == 429) {
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            }
        });
        // and no failure is left behind
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE login = :login").param("login", user).query(Long.class).single())
                .isZero();
    }

    @Test
    void shouldRefuseCamundasPasswordCheckOutsideTheSignIn() throws Exception {
        // given a staff member who may read another user, as Tasklist's picker of assignees would need
        String staff = staffMember("restverifier");
        String victim = staffMember("restverified");
        Authorization readVictim = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        readVictim.setUserId(staff);
        readVictim.setResource(Resources.USER);
        readVictim.setResourceId(victim);
        readVictim.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(readVictim);

        // then POST /identity/verify, which checks that user's password outside the sign-in and its throttle, is refused
        HttpRequest verify = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/identity/verify"))
                .header("Authorization", basic(staff, PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + victim + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build();

        try {
            assertThat(http.send(verify, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        } finally {
            authorizationService.deleteAuthorization(readVictim.getId());
        }
    }

    private List<HttpResponse<String>> sendAtOnce(int requests, String user, IntFunction<String> password, String client) {
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            responses.add(http.sendAsync(request(user, password.apply(i), client), HttpResponse.BodyHandlers.ofString()));
        }
        return responses.stream().map(CompletableFuture::join).toList();
    }

    private HttpResponse<String> get(String user, String password, String client) throws Exception {
        return http.send(request(user, password, client), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String user, String password, String client) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task/count"))
                .header("Accept", "application/json")
                .header("Authorization", basic(user, password))
                .header("X-Forwarded-For", client)
                .GET().build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private String staffMember(String id) {
        return TestUsers.ensure(identityService, id, "Test", id, id + "@throttle.example", PASSWORD, StaffGroups.SECRETARIAT);
    }
}
