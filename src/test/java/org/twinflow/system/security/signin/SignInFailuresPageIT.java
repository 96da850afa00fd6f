package org.twinflow.system.security.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.twinflow.system.StaffGroups;
import org.twinflow.system.security.signin.SignInFailureReport.Report;
import org.twinflow.system.security.signin.SignInFailureReport.Row;

/**
 * Administrators see failed sign-ins at {@code /staff/security/sign-in-failures}: by name and by address,
 * with who is throttled now; nobody else may open the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SignInFailuresPageIT {

    private static final String PAGE = SignInFailuresController.PATH;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private Instant now;

    @BeforeEach
    void freezeTheClock() {
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldShowAdministratorsTheLastDaysFailuresByNameAndByAddressAndWhoIsThrottled() throws Exception {
        // given a name guessed at five times from one address, twice from another, and once two days ago
        String name = "guessed-" + now.toEpochMilli() + "@nowhere.example";
        String first = "192.0.2.201";
        String second = "192.0.2.202";
        at(now.minus(Duration.ofDays(2)), () -> failSignIn(name, first));
        for (int i = 0; i < 5; i++) {
            failSignIn(name, first);
        }
        failSignIn(name, second);
        failSignIn(name, second);

        // when an administrator opens the page
        var result = mvc.perform(get(PAGE).with(staff("pageadmin", StaffGroups.ADMINS)))
                .andExpect(status().isOk()).andExpect(view().name(SignInFailuresController.VIEW)).andReturn();
        Report report = (Report) result.getModelAndView().getModel().get("report");

        // then the name shows seven failures from two addresses, not throttled as a whole ...
        assertThat(report.byLogin()).filteredOn(row -> row.key().equals(name)).singleElement()
                .satisfies(row -> assertThat(row).extracting(Row::failures, Row::others, Row::throttledUntil).containsExactly(7L, 2L, null));
        // ... each address its failures ...
        assertThat(report.byAddress()).filteredOn(row -> row.key().equals(first)).singleElement()
                .satisfies(row -> assertThat(row).extracting(Row::failures, Row::others).containsExactly(5L, 1L));
        // ... and the name is throttled from the first address for half a minute
        assertThat(report.throttledPairs()).filteredOn(pair -> pair.login().equals(name)).singleElement()
                .satisfies(pair -> {
                    assertThat(pair.clientAddress()).isEqualTo(first);
                    assertThat(pair.until().toInstant()).isEqualTo(now.plusSeconds(30));
                });
        assertThat(result.getResponse().getContentAsString()).contains(name, first, second, "Names throttled from one address now")
                // no message key left unresolved ("??key??"); a typed name may show "??" itself: its line breaks are
                // recorded as "?" (SignInThrottle), and other tests sign in with such names
                .doesNotContainPattern("\\?\\?[\\w.]+\\?\\?");
    }

    @Test
    void shouldRefuseThePageToStaffWithoutCamundaAdminAndToCities() throws Exception {
        for (String group : new String[] {StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE, StaffGroups.CITIES}) {
            mvc.perform(get(PAGE).with(staff("page" + group, group))).andExpect(status().isForbidden());
        }
        mvc.perform(get(PAGE)).andExpect(redirectedUrl("http://localhost/login"));
    }

    private void failSignIn(String login, String address) {
        try {
            mvc.perform(post("/login").param("username", login).param("password", "wrong").with(csrf()).with(request -> {
                request.setRemoteAddr(address);
                return request;
            })).andExpect(redirectedUrl("/login?error"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void at(Instant instant, Runnable action) {
        ClockUtil.setCurrentTime(Date.from(instant));
        try {
            action.run();
        } finally {
            ClockUtil.setCurrentTime(Date.from(now));
        }
    }

    private static RequestPostProcessor staff(String id, String group) {
        return user(id).authorities(new SimpleGrantedAuthority(StaffGroups.authority(group)));
    }
}
