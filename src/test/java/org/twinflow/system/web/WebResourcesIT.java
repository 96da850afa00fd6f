package org.twinflow.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.system.StaffGroups;

/**
 * What browsers and crawlers get besides the pages, over real HTTP (compression is Tomcat's, outside MockMvc):
 * robots.txt and the favicons for anyone, gzip for those who accept it, static files kept by the browser under
 * names that change with their content, and pages with personal data never stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebResourcesIT {

    private static final String PASSWORD = "Semarang-Toyama-2027";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern VERSIONED_CSS = Pattern.compile("href=\"(/css/twinflow-[0-9a-f]{32}\\.css)\"");
    private static final Pattern VERSIONED_ICO = Pattern.compile("<link rel=\"icon\" href=\"(/favicon-[0-9a-f]{32}\\.ico)\" sizes=\"32x32\">");
    private static final Pattern VERSIONED_ICON = Pattern.compile("<link rel=\"icon\" href=\"(/favicon-[0-9a-f]{32}\\.svg)\" type=\"image/svg\\+xml\">");
    private static final String YEAR = "max-age=31536000";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired Clock clock;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void shouldServeRobotsTxtToAnyoneKeepingCrawlersToTheLandingPage() throws Exception {
        HttpResponse<String> robots = get("/robots.txt");

        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(robots.body()).contains("User-agent: *", "Disallow: /camunda/", "Disallow: /engine-rest/", "Disallow: /staff/",
                "Disallow: /proposals", "Disallow: /demo/", "Allow: /")
                // the landing page itself is not disallowed
                .doesNotContainPattern("(?m)^Disallow: /$");
        // it keeps its name, so it is kept a day, not a year
        assertThat(robots.headers().firstValue("Cache-Control")).hasValue("max-age=86400, public");
    }

    @Test
    void shouldServeTheFaviconsToAnyoneAndLinkTheIconFromEveryPage() throws Exception {
        // what browsers ask for by themselves: a small ICO file (reserved 0, type 1), kept a day under its fixed name
        HttpResponse<byte[]> icoFile = http.send(request("/favicon.ico").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(icoFile.statusCode()).isEqualTo(200);
        assertThat(icoFile.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
        assertThat(icoFile.body()).startsWith(0, 0, 1, 0);
        assertThat(icoFile.body().length).isLessThan(8 * 1024);
        assertThat(icoFile.headers().firstValue("Cache-Control")).hasValue("max-age=86400, public");

        // and what the pages link: both icons under names that change with their content

        String signIn = get("/login").body();
        Matcher ico = VERSIONED_ICO.matcher(signIn);
        assertThat(ico.find()).as("the sign-in page links the ICO icon under its content's name").isTrue();
        HttpResponse<byte[]> linkedIco = http.send(request(ico.group(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(linkedIco.statusCode()).isEqualTo(200);
        assertThat(linkedIco.body()).isEqualTo(icoFile.body());
        assertThat(linkedIco.headers().firstValue("Cache-Control")).hasValue(YEAR + ", public");

        Matcher icon = VERSIONED_ICON.matcher(signIn);
        assertThat(icon.find()).as("the sign-in page links the SVG icon under its content's name").isTrue();
        HttpResponse<String> svg = get(icon.group(1));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(svg.body()).startsWith("<svg");
    }

    @Test
    void shouldCompressPagesAndStylesheetsForBrowsersThatAcceptGzip() throws Exception {
        // a page of several kilobytes, asked for with gzip: compressed, and the same page once unpacked
        HttpResponse<byte[]> zipped = http.send(request("/").header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String page = gunzip(zipped.body());
        assertThat(page).contains("Twinning and decentralised cooperation between local governments");
        assertThat(zipped.body().length).isLessThan(page.getBytes(StandardCharsets.UTF_8).length);

        // and a stylesheet too
        String css = versionedStylesheet(page);
        HttpResponse<byte[]> zippedCss = http.send(request(css).header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zippedCss.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gunzip(zippedCss.body())).contains("--accent");

        // a client that does not say it accepts gzip gets the page as it is
        HttpResponse<String> plain = get("/");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).contains("Twinning and decentralised cooperation between local governments");
    }

    @Test
    void shouldLetBrowsersKeepStaticFilesAYearButNeverStorePagesWithPersonalData() throws Exception {
        // given a stylesheet as the layout links it: named with its content's hash
        String css = versionedStylesheet(get("/").body());

        // then browsers may keep it a year, and the security headers are still there
        HttpResponse<String> stylesheet = get(css);
        assertThat(stylesheet.statusCode()).isEqualTo(200);
        assertThat(stylesheet.headers().firstValue("Cache-Control")).hasValue(YEAR + ", public");
        assertThat(stylesheet.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(stylesheet.headers().firstValue("Pragma")).isEmpty();

        // and a city officer's list of proposals is never stored
        signInAsCityOfficer();
        HttpResponse<String> myProposals = get("/proposals");
        assertThat(myProposals.statusCode()).isEqualTo(200);
        assertThat(myProposals.body()).contains("My proposals", "Sign out");
        assertThat(myProposals.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(myProposals.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        // nor is the sign-in page with its CSRF token
        assertThat(get("/login").headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static String versionedStylesheet(String page) {
        Matcher css = VERSIONED_CSS.matcher(page);
        assertThat(css.find()).as("the layout links twinflow.css under its content's name").isTrue();
        return css.group(1);
    }

    /** An officer of Semarang, signed in on the portal's form as a browser does. */
    private void signInAsCityOfficer() throws Exception {
        City semarang = cities.save(ProposalFixtures.semarang(clock.instant()));
        String userId = "webres" + semarang.getId();
        String email = userId + "@semarang.example";
        TestUsers.ensure(identityService, userId, "Rina", "Wulandari", email, PASSWORD, StaffGroups.CITIES);
        cityAccounts.link(userId, semarang.getId(), email);
        Matcher csrf = CSRF_FIELD.matcher(get("/login").body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + encode(email) + "&password=" + encode(PASSWORD) + "&_csrf=" + encode(csrf.group(1));
        HttpResponse<String> signedIn = http.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/proposals"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static String gunzip(byte[] body) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
