package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;
import org.twinflow.CallFixtures;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.document.DocumentService;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;
import org.twinflow.web.PortalClient;
import org.twinflow.web.PortalClient.FormPage;
import org.twinflow.web.PortalClient.Multipart;

/**
 * The proposal form's upload limits through the real Tomcat, as a browser without JavaScript meets
 * them (MockMvc has no container limits): a file over the application's limit comes back next to its
 * input with everything typed; only a request beyond the container's limits is refused there, with a
 * warning that names the limit; a long file name in any script is fine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProposalFormUploadLimitIT {

    private static final String TITLE = "Flood early warning with Đà Nẵng and เชียงใหม่";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired DocumentService documents;
    @Autowired Clock clock;

    PortalClient browser;
    City city;
    FormPage form;

    @BeforeEach
    void signInAsOfficerOfAVerifiedCity() {
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String userId = "upload" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Correct-Horse-" + UUID.randomUUID();
        TestUsers.ensure(identityService, userId, "Rina", "Wulandari", userId + "@semarang.example", password, StaffGroups.CITIES);
        cityAccounts.link(userId, city.getId());
        browser = new PortalClient(port).signIn(userId, password);
        form = browser.open(CallFixtures.NEW_PROPOSAL_FORM);
    }

    @Test
    void shouldShowAFileOverTheApplicationsLimitNextToItsInputWithEverythingTyped() throws Exception {
        // given a form with texts, two partners, ten SDGs and a 12 MB scan, as a browser without JavaScript sends it
        Multipart typed = typedForm().file("councilResolution", "council-resolution.pdf", pdfOf(12 * 1024 * 1024));

        // when the officer saves
        HttpResponse<String> answer = post(typed);

        // then the form comes back, filled as it was, with the reason at the file input; nothing is stored
        assertThat(answer.statusCode()).isEqualTo(200);
        String page = HtmlUtils.htmlUnescape(answer.body());
        assertThat(page).contains("id=\"councilResolution-error\"", "The file council-resolution.pdf is larger than 10 MB.",
                "value=\"" + TITLE + "\"", "value=\"Kitakyushu\"", "value=\"Đà Nẵng\"", "Pilot SMS alerts in both cities.");
        assertThat(Pattern.compile("name=\"sdgs\" value=\"\\d+\" checked").matcher(page).results().count()).isEqualTo(10);
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldSendARequestBeyondTheContainersLimitBackWithAWarningNamingIt() throws Exception {
        // given a 101 MB upload, over the container's 100 MB
        Multipart typed = typedForm().file("letterOfIntent", "scan.pdf", pdfOf(101 * 1024 * 1024));

        // when it is posted
        HttpResponse<String> refused = post(typed);

        // then the officer is sent back to the form, told which limit was reached, and nothing was stored
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/proposals/new"));
        assertThat(get(CallFixtures.NEW_PROPOSAL_FORM).body()).contains("The files together were larger than the server accepts in one go (100 MB)",
                "the documents of a proposal may have at most 40 MB together");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldNameThePartLimitWhenAFormSendsMoreFieldsThanAnyFormHas() throws Exception {
        // given a request with 400 parts, more than the fullest proposal form sends
        Multipart typed = typedForm();
        for (int i = 0; i < 400; i++) {
            typed.field("junk" + i, "x");
        }

        // when it is posted
        HttpResponse<String> refused = post(typed);

        // then it is refused with a warning about the number of fields
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(get(CallFixtures.NEW_PROPOSAL_FORM).body()).contains("more fields than the server accepts in one go (at most 300)");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldStoreAFileWithALongNameInAnyScript() throws Exception {
        // given a letter whose name is 120 Thai and Chinese characters long (over 500 bytes in the part's header)
        String name = "หนังสือแสดงเจตจำนงความร่วมมือ成都市友好城市合作意向书".repeat(3) + ".pdf";
        Multipart typed = typedForm().file("letterOfIntent", name, pdfOf(2048));

        // when it is saved
        HttpResponse<String> saved = post(typed);

        // then the draft and its letter are stored under that name
        assertThat(saved.statusCode()).isEqualTo(302);
        Proposal draft = proposals.proposalsOf(city.getId()).get(0);
        assertThat(documents.documentsOf(draft.getId())).singleElement().satisfies(d -> assertThat(d.fileName()).isEqualTo(name));
    }

    /** The proposal form as a browser sends it: every input a part, the CSRF token first. */
    private Multipart typedForm() {
        Multipart typed = form.multipart().field("title", TITLE).field("partnershipType", "TWINNING")
                .field("thematicArea", "CLIMATE_DRR").field("_sdgs", "on");
        for (int n = 1; n <= 10; n++) {
            typed.field("sdgs", String.valueOf(n));
        }
        return typed.field("summary", "Two coastal cities share flood early-warning practice.")
                .field("objectives", "1. Map flood risk together.\r\n2. Pilot SMS alerts in both cities.")
                .field("activities", "Study visits and joint drills.")
                .field("partners[0].cityName", "Kitakyushu").field("partners[0].countryCode", "JP").field("partners[0].role", "PARTNER")
                .field("partners[0].contactEmail", "")
                .field("partners[1].cityName", "Đà Nẵng").field("partners[1].countryCode", "VN").field("partners[1].role", "PARTNER")
                .field("partners[1].contactEmail", "")
                .field("startDate", "").field("endDate", "").field("totalBudget", "").field("requestedAmount", "").field("coFinancing", "")
                .field("_declarationCorrect", "on").field("_declarationAuthorised", "on").field("save", "1");
    }

    private HttpResponse<String> post(Multipart typed) {
        return browser.post("/proposals/new", typed);
    }

    private HttpResponse<String> get(String path) {
        return browser.get(path);
    }

    private static byte[] pdfOf(int size) {
        byte[] content = new byte[size];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 8);
        return content;
    }
}
