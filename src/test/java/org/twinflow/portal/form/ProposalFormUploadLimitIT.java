package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.ProposalFixtures;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * A 50 MB upload through the real Tomcat, which MockMvc cannot show: the container refuses the file,
 * the CSRF check still passes (Tomcat keeps the fields read before the file, and the token comes first), and {@link UploadErrorAdvice}
 * sends the officer back to the form with the bundle's warning; nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class ProposalFormUploadLimitIT {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired Clock clock;

    @Test
    void shouldSendAFiftyMegabyteUploadBackToTheFormWithAWarning() throws Exception {
        // given an officer of a verified city, signed in through the sign-in page
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String userId = "upload" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Correct-Horse-" + UUID.randomUUID();
        if (identityService.createGroupQuery().groupId(StaffGroups.CITIES).count() == 0) {
            var group = identityService.newGroup(StaffGroups.CITIES);
            group.setName("Cities");
            identityService.saveGroup(group);
        }
        User user = identityService.newUser(userId);
        user.setEmail(userId + "@semarang.example");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(userId, StaffGroups.CITIES);
        cityAccounts.link(userId, city.getId());
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String loginToken = find(CSRF_FIELD, get(browser, "/login").body());
        var signedIn = browser.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(userId) + "&password=" + enc(password) + "&_csrf=" + enc(loginToken)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/proposals"));
        String formToken = find(CSRF_FIELD, get(browser, "/proposals/new").body());

        // when the form is posted with a 50 MB file
        String boundary = "----twinflow" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        // the token first, as browsers send the form's hidden input that Thymeleaf puts right after <form>
        body.writeBytes(part(boundary, "_csrf", null, formToken.getBytes(StandardCharsets.US_ASCII)));
        body.writeBytes(part(boundary, "title", null, "Flood early warning with Da Nang".getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(part(boundary, "save", null, "1".getBytes(StandardCharsets.UTF_8)));
        byte[] huge = new byte[50 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
        body.writeBytes(part(boundary, "letterOfIntent", "scan.pdf", huge));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        var refused = browser.send(HttpRequest.newBuilder(url("/proposals/new"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Referer", url("/proposals/new").toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());

        // then the officer is sent back to the form, which shows the warning, and nothing was stored
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/proposals/new"));
        String page = get(browser, "/proposals/new").body();
        assertThat(page).contains("The upload was too large: each file may have at most 10 MB.");
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] part(String boundary, String name, String fileName, byte[] content) {
        var part = new ByteArrayOutputStream();
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/pdf") + "\r\n\r\n";
        part.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        part.writeBytes(content);
        part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        return part.toByteArray();
    }
}
