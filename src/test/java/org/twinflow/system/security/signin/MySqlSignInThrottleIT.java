package org.twinflow.system.security.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.TestUsers;
import org.twinflow.system.StaffGroups;

/**
 * The sign-in throttle's table and queries on the MySQL-compatible server (MariaDB 10.11 in CI): migration
 * V005 with its utf8mb4 indexes, the counting, clearing, report and purge SQL, through the sign-in form and
 * the administrators' page.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlSignInThrottleIT {

    private static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itthrottleadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identityService;
    @Autowired SignInFailurePurge purge;

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldCreateTheTableWithItsIndexesInUtf8mb4() {
        assertThat(jdbc.sql("SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = 'sign_in_failure'").query(String.class).list())
                .contains("ix_sign_in_failure_login", "ix_sign_in_failure_address", "ix_sign_in_failure_attempted_at");
        assertThat(jdbc.sql("SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = 'sign_in_failure' AND COLUMN_NAME = 'login'").query(String.class).single()).isEqualTo("utf8mb4");
    }

    @Test
    void shouldThrottleRecordReportAndPurgeOnMySql() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String owner = TestUsers.ensure(identityService, "itthrottled", "Test", "Throttled", "itthrottled@twinflow.example", PASSWORD,
                StaffGroups.SECRETARIAT);
        // a failure a month ago, then five now from one address, with a name in Thai script
        ClockUtil.setCurrentTime(Date.from(now.minus(Duration.ofDays(31))));
        signIn(owner, "wrong", "192.0.2.1");
        ClockUtil.setCurrentTime(Date.from(now));
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(owner, "wrong " + i, "192.0.2.1")).isEqualTo("/login?error");
        }
        assertThat(signIn("เชียงใหม่@nowhere.example", "wrong", "192.0.2.2")).isEqualTo("/login?error");

        // the right password from that address waits; from another it gets in, and clears nothing else
        assertThat(signIn(owner, PASSWORD, "192.0.2.1")).isEqualTo("/login?throttled=1");
        assertThat(signIn(owner, PASSWORD, "192.0.2.3")).isEqualTo("/camunda/app/tasklist/");
        ClockUtil.setCurrentTime(Date.from(now.plusSeconds(31)));
        assertThat(signIn(owner, PASSWORD, "192.0.2.1")).isEqualTo("/camunda/app/tasklist/");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure WHERE login = :login AND pair_cleared = TRUE").param("login", owner)
                .query(Long.class).single()).as("failures cleared by the sign-in from their address").isEqualTo(5);

        // the administrators' page lists them
        String page = mvc.perform(get(SignInFailuresController.PATH)
                        .with(user("itthrottleadmin").authorities(new SimpleGrantedAuthority(StaffGroups.authority(StaffGroups.ADMINS)))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(owner, "192.0.2.1", "เชียงใหม่@nowhere.example");

        // and the purge deletes only the month-old one
        assertThat(purge.purge()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sign_in_failure").query(Long.class).single()).isEqualTo(6);
    }

    private String signIn(String login, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", login).param("password", password).with(csrf()).with(request -> {
            request.setRemoteAddr(address);
            return request;
        })).andReturn().getResponse().getRedirectedUrl();
    }
}
