package org.twinflow.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.twinflow.TestUsers;
import org.twinflow.system.StaffGroups;

/**
 * One sign-in for everybody: cities with their e-mail address land in "My proposals", staff with their
 * user id in Tasklist; each side is kept out of the other's pages; the session is renewed at sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SignInIT {

    static final String PASSWORD = "correct horse battery staple";
    static final String CITY_OFFICER = "signinofficer";
    static final String CITY_EMAIL = "officer@signin-city.example";
    static final String STAFF = "signinsofia";
    /** Its own account: failed sign-ins count for the sign-in throttle of that login. */
    static final String LOCKABLE = "signinlockable";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identityService;

    @BeforeEach
    void createAccounts() {
        createUser(CITY_OFFICER, CITY_EMAIL, StaffGroups.CITIES);
        createUser(STAFF, "sofia@signin-secretariat.example", StaffGroups.SECRETARIAT);
        createUser(LOCKABLE, "lockable@signin-city.example", StaffGroups.CITIES);
    }

    @Test
    void shouldSendACityOfficerSigningInWithTheirEmailToMyProposals() throws Exception {
        mvc.perform(formLogin("/login").user(CITY_EMAIL.toUpperCase()).password(PASSWORD))
                .andExpect(authenticated().withUsername(CITY_OFFICER))
                .andExpect(redirectedUrl("/proposals"));
    }

    @Test
    void shouldSendStaffSigningInWithTheirUserIdToTasklist() throws Exception {
        mvc.perform(formLogin("/login").user(STAFF).password(PASSWORD))
                .andExpect(authenticated().withUsername(STAFF).withAuthorities(
                        java.util.List.of(new SimpleGrantedAuthority("GROUP_" + StaffGroups.SECRETARIAT))))
                .andExpect(redirectedUrl("/camunda/app/tasklist/"));
    }

    @Test
    void shouldGiveTheSameAnswerForAWrongPasswordAndAnUnknownAccount() throws Exception {
        mvc.perform(formLogin("/login").user("lockable@signin-city.example").password("wrong password"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody@nowhere.example").password(PASSWORD))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The e-mail address, user id or password is wrong")));
    }

    @Test
    void shouldRenewTheSessionAtSignIn() throws Exception {
        // the session (kept in the database, named by the JSESSIONID cookie) that the sign-in page opened
        jakarta.servlet.http.Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("JSESSIONID");
        assertThat(before).isNotNull();
        var result = mvc.perform(post("/login").cookie(before).param("username", STAFF).param("password", PASSWORD).with(csrf()))
                .andExpect(authenticated()).andReturn();
        jakarta.servlet.http.Cookie after = result.getResponse().getCookie("JSESSIONID");
        assertThat(after).as("a new session cookie at sign-in").isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
    }

    @Test
    void shouldRefuseSignInAndSignOutWithoutCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", STAFF).param("password", PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
        mvc.perform(post("/logout").with(user(STAFF))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user(STAFF)).with(csrf())).andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void shouldKeepCitiesOutOfTasklistCockpitAdminAndTheRestApi() throws Exception {
        var city = user(CITY_OFFICER).authorities(new SimpleGrantedAuthority("GROUP_" + StaffGroups.CITIES));
        for (String path : new String[] {"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
                "/camunda/app/admin/default/", "/camunda/api/engine/engine/default/task", "/camunda/api/admin/auth/user/default"}) {
            mvc.perform(get(path).with(city)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/engine-rest/task").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic(CITY_OFFICER, PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void shouldKeepStaffOutOfTheCityPages() throws Exception {
        var staff = user(STAFF).authorities(new SimpleGrantedAuthority("GROUP_" + StaffGroups.SECRETARIAT));
        mvc.perform(get("/proposals").with(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/proposals/new").with(staff)).andExpect(status().isForbidden());
        mvc.perform(post("/proposals/new").with(staff).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void shouldNeverLetTheWebappsLogInOrSetUpAnAdministratorOnTheirOwn() throws Exception {
        var staff = user(STAFF).authorities(new SimpleGrantedAuthority("GROUP_" + StaffGroups.SECRETARIAT));
        mvc.perform(post("/camunda/api/admin/auth/user/default/login/tasklist").param("username", STAFF).param("password", PASSWORD))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/camunda/api/admin/auth/user/default/login/tasklist").with(staff).param("username", STAFF).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        mvc.perform(post("/camunda/api/admin/setup/default/user/create").with(staff).contentType("application/json")
                .content("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-password\"}}"))
                .andExpect(status().isForbidden());
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void shouldSendAnonymousVisitorsToTheSignInPageAndWebappCallsA401() throws Exception {
        mvc.perform(get("/proposals")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/camunda/app/tasklist/default/")).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/camunda/api/admin/auth/user/default")).andExpect(status().isUnauthorized());
        mvc.perform(get("/engine-rest/task")).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldSendSecurityHeadersOnPortalPages() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")));
    }

    @Test
    void shouldStorePasswordsWithPbkdf2() {
        UserEntity stored = (UserEntity) identityService.createUserQuery().userId(CITY_OFFICER).singleResult();
        assertThat(stored.getPassword()).startsWith("{pbkdf2}").doesNotContain(PASSWORD);
        assertThat(identityService.checkPassword(CITY_OFFICER, PASSWORD)).isTrue();
    }

    private void createUser(String id, String email, String group) {
        TestUsers.ensure(identityService, id, "Test", id, email, PASSWORD, group);
    }
}
