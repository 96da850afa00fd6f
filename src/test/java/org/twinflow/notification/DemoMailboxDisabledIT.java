package org.twinflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.twinflow.system.StaffGroups;

/**
 * Without {@code twinflow.mail.demo-mailbox} (its default, false) there is no mailbox: no bean, no page,
 * no link. The same configuration as the other portal ITs, so it reuses their cached application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class DemoMailboxDisabledIT {

    private static final RequestPostProcessor ADMIN = user("admin").authorities(new SimpleGrantedAuthority(StaffGroups.authority(StaffGroups.ADMINS)));

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired MailDelivery mailDelivery;

    @Test
    void shouldHaveNoMailboxPagesWhenTheMailboxIsOff() throws Exception {
        for (String path : new String[] {"/demo/mailbox", "/demo/mailbox/1", "/demo/mailbox/1/html"}) {
            mvc.perform(get(path).with(ADMIN)).andExpect(status().isNotFound());
        }
    }

    @Test
    void shouldKeepNoMailAndShowNoLinkWhenTheMailboxIsOff() throws Exception {
        assertThat(context.getBeanProvider(DemoMailbox.class).getIfAvailable()).isNull();
        assertThat(mailDelivery).isNotInstanceOf(DemoMailboxDelivery.class);
        mvc.perform(get("/").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/demo/mailbox"))));
    }
}
