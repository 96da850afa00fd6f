package org.twinflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;

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
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;
import org.twinflow.web.PortalClient.Multipart;

/**
 * Odd input sent to the portal's forms over real HTTP (Tomcat decodes the bytes): rows no form has,
 * dates no project has, control characters and damaged text. Each is refused with a message, nothing is
 * stored, and the text the product accepts — any script, emoji, marks, line breaks — is stored as typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalInputIT {

    static final String PASSWORD = "Semarang-Toyama-2027";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired Clock clock;

    PortalClient browser;
    City city;

    @BeforeEach
    void signInAsOfficerOfAVerifiedCity() {
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String officer = "input" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identityService, officer, "Rina", "Wulandari", officer + "@semarang.example", PASSWORD, StaffGroups.CITIES);
        cityAccounts.link(officer, city.getId());
        browser = new PortalClient(port).signIn(officer, PASSWORD);
    }

    @Test
    void shouldRefuseARowIndexNoFormHasWithAMessage() {
        for (String field : new String[] {"partners[300].cityName", "expectedResults[99999].result", "partners[50].cityName", "sdgs[-1]",
                "partners[-1].cityName", "sdgs[2147483648]", "expectedResults[x].result"}) {
            // when a request names a row far beyond the form's
            HttpResponse<String> answer = save(draft("Flood early warning").field(field, "x"));

            // then it is refused with a message, not a server error, and nothing is stored
            assertThat(answer.statusCode()).as(field).isEqualTo(400);
            assertThat(answer.body()).contains("The form sent more rows than it has. Nothing was saved");
        }
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldShowTooManyPartnerRowsNextToThemWithEverythingKept() {
        // given 16 partner rows, one more than the form offers
        Multipart form = draft("Sixteen cities");
        for (int i = 0; i < 16; i++) {
            form.field("partners[" + i + "].cityName", "Partner " + i).field("partners[" + i + "].countryCode", "JP");
        }

        // when saved, the form comes back with the limit named and the rows as typed
        HttpResponse<String> answer = save(form);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("A proposal can name at most 15 partner cities.", "value=\"Partner 15\"");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldRefuseDatesNoProjectHasOnEveryDatabase() {
        // when a start date in year 99999 (stored by H2, refused by MySQL) or before 2000 is sent
        HttpResponse<String> farFuture = save(draft("Coastal resilience").field("startDate", "+99999-01-01"));
        HttpResponse<String> past = save(draft("Coastal resilience").field("startDate", "1999-12-31").field("endDate", "2100-01-01"));

        // then the form says which dates it takes, and nothing is stored
        assertThat(farFuture.statusCode()).isEqualTo(200);
        assertThat(farFuture.body()).contains("Enter a start date between the years 2000 and 2099.");
        assertThat(past.body()).contains("Enter a start date between the years 2000 and 2099.",
                "Enter an end date between the years 2000 and 2099.");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldRefuseControlCharactersAndDamagedTextNextToTheField() {
        String[] refused = {"Flood\u0000warning", "Bell\u0007", "Escape\u001B[31m", "C1\u0085control", "Damaged \uFFFD text", "Nonchar \uFFFF"};
        for (String title : refused) {
            // when a title with such characters is saved
            HttpResponse<String> answer = save(draft(title));

            // then the title is refused with a message and nothing is stored
            assertThat(answer.statusCode()).as(title).isEqualTo(200);
            assertThat(HtmlUtils.htmlUnescape(answer.body())).as(title).contains("This text contains characters that are not accepted");
        }
        // bytes that are not UTF-8 at all, as a damaged upload or a wrong encoding sends them
        HttpResponse<String> notUtf8 = save(browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart()
                .rawField("title", new byte[] {'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xC3, (byte) 0x28}).field("save", "1"));
        assertThat(HtmlUtils.htmlUnescape(notUtf8.body())).contains("This text contains characters that are not accepted");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldStoreTextInAnyScriptAsTyped() {
        // given texts with emoji, right-to-left script, combining marks, CJK beyond the BMP, tabs and line breaks
        String title = "Ciudades resilientes 🌊 مدن مرنة – Đà Nẵng (Đ + combining: D\u0301a\u0300) 𠮷野家";
        String objectives = "1.\tMap flood risk together.\r\n2.\tPilot SMS alerts — เตือนภัยน้ำท่วม.\r\n3.\tपुणे: train officers.";

        // when saved
        HttpResponse<String> answer = save(draft(title).field("objectives", objectives));

        // then they are stored exactly as typed
        assertThat(answer.statusCode()).isEqualTo(302);
        Proposal draft = proposals.proposalsOf(city.getId()).get(0);
        assertThat(draft.getTitle()).isEqualTo(title);
        assertThat(draft.getObjectives()).isEqualTo(objectives);
    }

    @Test
    void shouldRefuseAnInvalidPercentEncodingInTheRegistration() {
        // given the registration form, with a city name whose percent-encoding is not UTF-8
        PortalClient visitor = new PortalClient(port);
        var page = visitor.open("/register");
        String email = "officer." + UUID.randomUUID().toString().substring(0, 6) + "@iloilocity.example";
        String body = "_csrf=" + PortalClient.enc(page.csrfToken()) + "&submissionId=" + page.submissionId()
                + "&firstName=Maria&lastName=Santos&email=" + PortalClient.enc(email) + "&password=Iloilo-River-2027"
                + "&passwordConfirmation=Iloilo-River-2027&cityName=Iloilo%C3%28City&countryCode=PH"
                + "&region=Western+Visayas&governmentType=MUNICIPALITY&population=457626&legalRepresentative=Mayor";

        // when it is sent
        HttpResponse<String> answer = visitor.postForm("/register", body);

        // then the form says so at the city name, and no account exists
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(answer.body())).contains("This text contains characters that are not accepted");
        assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();
    }

    @Test
    void shouldRefuseNamesOfUnicodeSpacesAloneAsMissingInTheRegistration() {
        // given the registration form, with a city name and an officer's name of ideographic and em spaces only
        PortalClient visitor = new PortalClient(port);
        var page = visitor.open("/register");
        String email = "officer." + UUID.randomUUID().toString().substring(0, 6) + "@iloilocity.example";
        String body = "_csrf=" + PortalClient.enc(page.csrfToken()) + "&submissionId=" + page.submissionId()
                + "&firstName=" + PortalClient.enc("\u3000") + "&lastName=Santos&email=" + PortalClient.enc(email)
                + "&password=Iloilo-River-2027&passwordConfirmation=Iloilo-River-2027&cityName=" + PortalClient.enc("\u3000\u2003")
                + "&countryCode=PH&governmentType=MUNICIPALITY&legalRepresentative=Mayor";

        // when it is sent
        HttpResponse<String> answer = visitor.postForm("/register", body);

        // then both are missing, as spaces of any other kind would be, and no account exists
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(answer.body())).contains("href=\"#firstName\"", "href=\"#cityName\"");
        assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();
    }

    @Test
    void shouldRefuseAPopulationWrittenInHexadecimalInsteadOfReadingIt() {
        // given the registration form, with the population written as "#400000" (read as hexadecimal: 4 194 304)
        PortalClient visitor = new PortalClient(port);
        var page = visitor.open("/register");
        String email = "officer." + UUID.randomUUID().toString().substring(0, 6) + "@iloilocity.example";
        String body = "_csrf=" + PortalClient.enc(page.csrfToken()) + "&submissionId=" + page.submissionId()
                + "&firstName=Maria&lastName=Santos&email=" + PortalClient.enc(email) + "&password=Iloilo-River-2027"
                + "&passwordConfirmation=Iloilo-River-2027&cityName=Iloilo+City&countryCode=PH&governmentType=MUNICIPALITY"
                + "&population=" + PortalClient.enc("#400000") + "&legalRepresentative=Mayor";

        // when it is sent
        HttpResponse<String> answer = visitor.postForm("/register", body);

        // then the form asks for a whole number, and no account exists
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(answer.body())).contains("href=\"#population\"", "Enter a whole number.");
        assertThat(identityService.createUserQuery().userEmail(email).count()).isZero();
    }

    @Test
    void shouldSayWhyAFormWasRefusedForWantOfItsTokenAndStoreNothing() {
        // when the proposal form comes without its CSRF token (a page kept open across a sign-out, a form from elsewhere)
        Multipart withoutToken = new Multipart().field("title", "Flood early warning").field("save", "1");
        HttpResponse<String> stale = save(withoutToken);

        // when the registration comes with its token damaged on the way (percent-encoding that is none)
        PortalClient visitor = new PortalClient(port);
        String token = PortalClient.enc(visitor.open("/register").csrfToken());
        HttpResponse<String> damaged = visitor.postForm("/register", "_csrf=" + token.substring(0, 8) + "%ZZ&cityName=Iloilo");

        // when the registration comes larger than the server reads (3 MB of URL-encoded text)
        HttpResponse<String> huge = visitor.postForm("/register", "_csrf=" + token + "&cityName=" + "a".repeat(3 * 1024 * 1024));

        // then each page says what happened and that nothing was saved, not that the account may not open the page
        // (a multipart body that cannot be read goes back to its form with the upload warning instead: UploadErrorAdvice)
        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(HtmlUtils.htmlUnescape(stale.body())).contains("it was open too long", "Nothing was saved")
                .doesNotContain("Not for this account");
        assertThat(damaged.statusCode()).isEqualTo(400);
        assertThat(HtmlUtils.htmlUnescape(damaged.body())).contains("arrived incomplete or damaged", "Nothing was saved");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(HtmlUtils.htmlUnescape(huge.body())).contains("larger than Twinflow reads in one go", "Nothing was saved");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    @Test
    void shouldRefuseJsonOrPlainTextSentToAFormWith415() {
        String token = browser.open(CallFixtures.NEW_PROPOSAL_FORM).csrfToken();
        for (String contentType : new String[] {"application/json", "text/plain", "application/xml"}) {
            // when a body that is no form comes to the proposal form, with the session's token in the header
            HttpResponse<String> answer = browser.post("/proposals/new", contentType,
                    HttpRequest.BodyPublishers.ofString("{\"title\": \"Flood early warning\", \"save\": \"1\"}"), "X-CSRF-TOKEN", token);

            // then it is refused as such, not read as an empty form
            assertThat(answer.statusCode()).as(contentType).isEqualTo(415);
            assertThat(HtmlUtils.htmlUnescape(answer.body())).as(contentType).contains("not sent the way a browser sends a form");
        }
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    private Multipart draft(String title) {
        return browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart().field("title", title).field("save", "1");
    }

    private HttpResponse<String> save(Multipart form) {
        return browser.post("/proposals/new", form);
    }
}
