package org.twinflow.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An installation without any administrator (java -jar without a profile) says so on the sign-in page,
 * with what to do; one with an administrator says nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class AdministratorCheckIT {

    static final String HINT = "This installation has no administrator yet";

    @Autowired MockMvc mvc;
    @Autowired IdentityService identityService;
    @Autowired AdministratorCheck administrators;

    @Test
    void shouldTellOnTheSignInPageHowToGetAnAdministratorWhenThereIsNone() throws Exception {
        // given the test administrator (the only one) is, for a moment, no administrator
        identityService.deleteMembership("admin", StaffGroups.ADMINS);
        try {
            // then the sign-in page says how to get one
            mvc.perform(get("/login")).andExpect(status().isOk())
                    .andExpect(content().string(containsString(HINT)))
                    .andExpect(content().string(containsString("TWINFLOW_ADMIN_ID")));
        } finally {
            identityService.createMembership("admin", StaffGroups.ADMINS);
        }
        // and with the administrator back, it does not
        mvc.perform(get("/login")).andExpect(content().string(not(containsString(HINT))));
    }
}
