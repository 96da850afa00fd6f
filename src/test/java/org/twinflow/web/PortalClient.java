package org.twinflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's side of the portal over real HTTP, without JavaScript: one session (cookies), the sign-in
 * page, forms read from the page (CSRF token, submission id) and sent as a browser sends them. Thread-safe:
 * two threads may send the same form at once, as a double click does.
 */
public final class PortalClient {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SUBMISSION_ID = Pattern.compile("name=\"submissionId\" value=\"([^\"]+)\"");
    private static final Pattern CALL_REFERENCE = Pattern.compile("name=\"callReference\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final int port;

    public PortalClient(int port) {
        this(HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build(), port);
    }

    private PortalClient(HttpClient http, int port) {
        this.http = http;
        this.port = port;
    }

    /** The same browser (its cookies, so its session) sending to another port: another node behind the same proxy. */
    public PortalClient atPort(int otherPort) {
        return new PortalClient(http, otherPort);
    }

    /** Signs in on the sign-in page and checks that it led away from it. */
    public PortalClient signIn(String login, String password) {
        String token = find(CSRF_FIELD, get("/login").body());
        HttpResponse<String> signedIn = postForm("/login", "username=" + enc(login) + "&password=" + enc(password) + "&_csrf=" + enc(token));
        assertThat(signedIn.headers().firstValue("Location")).as("sign-in of %s", login)
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** The form of a page as a browser would send it next: its CSRF token, submission id and call. */
    public FormPage open(String path) {
        String page = get(path).body();
        Matcher submission = SUBMISSION_ID.matcher(page);
        Matcher call = CALL_REFERENCE.matcher(page);
        return new FormPage(find(CSRF_FIELD, page), submission.find() ? submission.group(1) : null, call.find() ? call.group(1) : null);
    }

    public HttpResponse<String> post(String path, Multipart form) {
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + form.boundary)
                .header("Referer", url(path).toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build());
    }

    public HttpResponse<String> postForm(String path, String urlEncodedBody) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", url(path).toString())
                .POST(HttpRequest.BodyPublishers.ofString(urlEncodedBody)).build());
    }

    /**
     * Any POST this session can make, as a crafted request makes it: the body as given, sent with this content type
     * (none when null) and these extra headers (name, value, name, value ...; a Referer given replaces the address posted to).
     */
    public HttpResponse<String> post(String path, String contentType, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder request = request(path).POST(body);
        boolean referer = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            referer |= headers[i].equalsIgnoreCase("Referer");
        }
        if (!referer) {
            request.header("Referer", url(path).toString());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** As a browser asks for a page: for HTML (error pages too), and never waiting for ever. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(url(path)).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .timeout(Duration.ofSeconds(60));
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String find(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }

    /** The hidden fields a page's form carries. */
    public record FormPage(String csrfToken, String submissionId, String callReference) {

        /** A multipart body starting as the browser starts it: the CSRF token, then the submission id and the call. */
        public Multipart multipart() {
            Multipart form = new Multipart().field("_csrf", csrfToken);
            if (submissionId != null) {
                form.field("submissionId", submissionId);
            }
            return callReference == null ? form : form.field("callReference", callReference);
        }
    }

    /** A multipart/form-data body, part by part, as Chromium writes it (UTF-8 names and file names). */
    public static final class Multipart {
        public final String boundary = "----TwinflowFormBoundary" + UUID.randomUUID().toString().replace("-", "");
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        public Multipart field(String name, String value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"", value.getBytes(StandardCharsets.UTF_8));
        }

        /** A text part sent as raw bytes, e.g. not valid UTF-8. */
        public Multipart rawField(String name, byte[] value) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"", value);
        }

        public Multipart file(String name, String fileName, byte[] content) {
            return file(name, fileName, "application/pdf", content);
        }

        public Multipart file(String name, String fileName, String contentType, byte[] content) {
            return part("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType, content);
        }

        /** The whole body, closing boundary included. */
        public byte[] bytes() {
            var copy = new ByteArrayOutputStream();
            copy.writeBytes(body.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return copy.toByteArray();
        }

        private Multipart part(String headers, byte[] content) {
            body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }
    }
}
