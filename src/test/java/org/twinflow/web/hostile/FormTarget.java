package org.twinflow.web.hostile;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.twinflow.web.PortalClient;
import org.twinflow.web.PortalClient.FormPage;
import org.twinflow.web.hostile.HostileInputs.Entry;

/**
 * One form of the portal as the corpus meets it: where it is sent and how, a valid filling, which fields take which
 * entries, and where what it stored can be read back and seen.
 */
abstract class FormTarget {

    final PortalClient client;
    private FormPage page;

    FormTarget(PortalClient client) {
        this.client = client;
    }

    /**
     * The hidden fields of the form's page, read once: the session's CSRF token stays valid, and each request gets a new
     * submission id, as each opening of the page would give it.
     */
    FormBody hiddenFields() {
        if (page == null) {
            page = client.open(pagePath());
        }
        FormBody form = new FormBody().set("_csrf", page.csrfToken()).set("submissionId", UUID.randomUUID().toString());
        return page.callReference() == null ? form : form.set("callReference", page.callReference());
    }

    abstract String name();

    /** Where the form is posted. */
    abstract String path();

    /** The page that shows the form. */
    abstract String pagePath();

    abstract boolean multipart();

    /** The form filled in validly, as its page gives it now (a fresh token and submission id). */
    abstract FormBody valid();

    /** The text fields this entry goes into (all of them, unless the form says why not). */
    abstract List<TextField> texts(Entry entry);

    /** What an accepted request stored, by field name, read from where the application keeps it. */
    abstract Map<String, String> stored(HttpResponse<String> accepted);

    /** The page that shows what an accepted request stored; null when the portal shows it nowhere. */
    abstract String shown(HttpResponse<String> accepted);

    /**
     * Whether one page shows everything the form stored, every answer so far (a proposal's clarifications, a call's
     * extensions): then it is read once, after the last entry, rather than after each.
     */
    boolean showsEverythingTogether() {
        return false;
    }

    /** Whether {@link #shown} shows this field. */
    boolean shows(String field) {
        return true;
    }

    /** After an accepted request: the form is awaited again (a new question, a report sent back). */
    void awaitAgain() {
    }

    List<String> numberFields() {
        return List.of();
    }

    List<String> dateFields() {
        return List.of();
    }

    List<String> timeFields() {
        return List.of();
    }

    /** Fields of the form's rows, with %s where the row index goes ({@code partners[%s].cityName}). */
    List<String> rowFields() {
        return List.of();
    }

    /** The file input, or null. */
    String fileField() {
        return null;
    }

    HttpResponse<String> send(FormBody body) {
        if (multipart()) {
            PortalClient.Multipart multipart = body.multipart();
            return send("multipart/form-data; boundary=" + multipart.boundary, HttpRequest.BodyPublishers.ofByteArray(multipart.bytes()));
        }
        return send("application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofByteArray(body.urlEncoded()));
    }

    /** Any body, as if sent from the form's page. */
    HttpResponse<String> send(String contentType, HttpRequest.BodyPublisher body, String... headers) {
        String[] withReferer = java.util.Arrays.copyOf(headers, headers.length + 2);
        withReferer[headers.length] = "Referer";
        withReferer[headers.length + 1] = client.url(pagePath()).toString();
        return client.post(path(), contentType, body, withReferer);
    }

    @Override
    public String toString() {
        return name();
    }
}
