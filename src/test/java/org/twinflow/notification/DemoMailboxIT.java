package org.twinflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * The demo mailbox with {@code twinflow.mail.demo-mailbox=true} (as in the demo profile): a real notice,
 * delivered to the log, shows up for the city it was sent to, for staff only at their own address, for
 * administrators always; its HTML part is sandboxed; everybody else gets 404 and anonymous visitors sign in.
 * {@link DemoMailboxDisabledIT} checks that without the property there is no mailbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "twinflow.mail.demo-mailbox=true",
        // A context of its own (another property): its own in-memory database and engine name, see MailNotificationIT.
        "spring.datasource.url=jdbc:h2:mem:twinflow-mailbox-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles("test")
@AutoConfigureMockMvc
class DemoMailboxIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired DemoMailbox mailbox;
    @Autowired MailDelivery mailDelivery;
    @Autowired ProposalService proposals;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;

    @Test
    void shouldShowTheReceiptToTheCityItWasSentToAndToNoOtherCity() throws Exception {
        // given two cities, one of which submits a proposal whose receipt job runs
        Officer semarang = newCityOfficer("Semarang");
        Officer surakarta = newCityOfficer("Surakarta");
        Proposal proposal = submit(semarang);
        DemoMail receipt = receiptOf(proposal);

        // when the city's officer opens the mailbox, then the receipt is listed with its recipient and a link to it
        mvc.perform(get("/demo/mailbox").with(semarang.signedIn()))
                .andExpect(status().isOk())
                .andExpect(view().name(DemoMailboxController.VIEW_LIST))
                .andExpect(content().string(containsString(proposal.getReference() + "] Proposal received")))
                .andExpect(content().string(containsString(semarang.email())))
                .andExpect(content().string(containsString("href=\"/demo/mailbox/" + receipt.id() + "\"")));

        // and the mail shows its headers, its plain-text part in a <pre> and a link to the HTML part
        String page = mvc.perform(get("/demo/mailbox/{id}", receipt.id()).with(semarang.signedIn()))
                .andExpect(status().isOk())
                .andExpect(view().name(DemoMailboxController.VIEW_MAIL))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(semarang.email(), proposal.getReference(), "<pre class=\"mail-text\">Dear Officer Semarang",
                "href=\"/demo/mailbox/" + receipt.id() + "/html\"");

        // but the other city neither sees it listed nor opens it
        mvc.perform(get("/demo/mailbox").with(surakarta.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(proposal.getReference()))));
        mvc.perform(get("/demo/mailbox/{id}", receipt.id()).with(surakarta.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/demo/mailbox/{id}/html", receipt.id()).with(surakarta.signedIn())).andExpect(status().isNotFound());
    }

    @Test
    void shouldShowAStaffMemberOnlyTheMailsToTheirOwnAddress() throws Exception {
        // given a secretariat officer, a mail to them and a city's receipt
        String staffId = uniqueId("sofia");
        String staffEmail = staffId + "@secretariat.example";
        TestUsers.ensure(identityService, staffId, "Sofia", "Reyes", staffEmail, "it-" + System.nanoTime(), StaffGroups.SECRETARIAT);
        mailDelivery.deliver(new MailMessage(staffEmail, "Twinflow: 1 new task waiting for you", "<p>Digest</p>", "Digest"));
        Proposal proposal = submit(newCityOfficer("Semarang"));

        // when the staff member opens the mailbox, then the digest is there and the city's receipt is not
        mvc.perform(get("/demo/mailbox").with(as(staffId, StaffGroups.SECRETARIAT)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Twinflow: 1 new task waiting for you")))
                .andExpect(content().string(not(containsString(proposal.getReference()))));
        mvc.perform(get("/demo/mailbox/{id}", receiptOf(proposal).id()).with(as(staffId, StaffGroups.SECRETARIAT)))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldShowEveryMailToAnAdministrator() throws Exception {
        // given receipts to two cities
        Proposal first = submit(newCityOfficer("Semarang"));
        Proposal second = submit(newCityOfficer("Surakarta"));

        // when an administrator (without an e-mail address of their own) opens the mailbox and a mail, then both are there
        mvc.perform(get("/demo/mailbox").with(as("admin", StaffGroups.ADMINS)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(first.getReference())))
                .andExpect(content().string(containsString(second.getReference())));
        mvc.perform(get("/demo/mailbox/{id}", receiptOf(second).id()).with(as("admin", StaffGroups.ADMINS)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(second.getReference())));
    }

    @Test
    void shouldServeTheHtmlPartSandboxedSoItCannotRunScriptOrReachThePortal() throws Exception {
        // given a receipt
        Officer officer = newCityOfficer("Semarang");
        Proposal proposal = submit(officer);
        DemoMail receipt = receiptOf(proposal);

        // when its HTML part is opened, then it is the mail's HTML under the sandbox policy alone
        String html = mvc.perform(get("/demo/mailbox/{id}/html", receipt.id()).with(officer.signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().stringValues(DemoMailboxController.CONTENT_SECURITY_POLICY, "sandbox"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).isEqualTo(receipt.html()).contains(proposal.getReference(), "<html");
    }

    @Test
    void shouldAnswer404ForAnUnknownMail() throws Exception {
        mvc.perform(get("/demo/mailbox/{id}", 999_999).with(as("admin", StaffGroups.ADMINS))).andExpect(status().isNotFound());
        mvc.perform(get("/demo/mailbox/{id}/html", 999_999).with(as("admin", StaffGroups.ADMINS))).andExpect(status().isNotFound());
    }

    @Test
    void shouldSendAnonymousVisitorsToSignIn() throws Exception {
        for (String path : new String[] {"/demo/mailbox", "/demo/mailbox/1", "/demo/mailbox/1/html"}) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
        }
    }

    @Test
    void shouldLinkTheMailboxInTheNavigationForSignedInUsersOnly() throws Exception {
        mvc.perform(get("/").with(newCityOfficer("Semarang").signedIn()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/demo/mailbox\"")));
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/demo/mailbox"))));
    }

    // --- people and proposals -----------------------------------------------------------------------

    /** A city officer: the Camunda user signing in as {@code id}, whose e-mail address is the city's contact address. */
    record Officer(String id, String email) {
        RequestPostProcessor signedIn() {
            return as(id, StaffGroups.CITIES);
        }
    }

    private Officer newCityOfficer(String cityName) {
        String id = uniqueId(cityName.toLowerCase());
        String email = id + "@" + cityName.toLowerCase() + ".example";
        City city = cities.save(new City(cityName, "ID", "Central Java", LocalGovernmentType.MUNICIPALITY, 1_000_000L,
                "Officer " + cityName, email, clock.instant()).verifiedBySecretariat(clock.instant()));
        TestUsers.ensure(identityService, id, "Officer", cityName, email, "it-" + System.nanoTime(), StaffGroups.CITIES);
        cityAccounts.link(id, city.getId(), email);
        return new Officer(id, email);
    }

    private Proposal submit(Officer officer) {
        Long cityId = cityAccounts.requireCityOf(officer.id()).getId();
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(cityId, LocalDate.now(clock)), officer.id());
        Jobs.runAsync(managementService);
        return proposal;
    }

    /** The receipt the proposal's notice job delivered, as the mailbox kept it. */
    private DemoMail receiptOf(Proposal proposal) {
        return mailbox.newestFirst().stream()
                .filter(mail -> mail.subject().startsWith("[" + proposal.getReference() + "] Proposal received"))
                .reduce((a, b) -> {
                    throw new AssertionError("Two receipts for " + proposal.getReference());
                })
                .orElseThrow(() -> new AssertionError("No receipt for " + proposal.getReference() + " in the mailbox"));
    }

    private static RequestPostProcessor as(String userId, String group) {
        return user(userId).authorities(new SimpleGrantedAuthority(StaffGroups.authority(group)));
    }

    private static String uniqueId(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "x" + Long.toString(System.nanoTime(), 36);
    }
}
