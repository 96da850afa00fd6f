package org.twinflow.web.hostile;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.twinflow.web.PortalClient.Multipart;
import org.twinflow.web.hostile.HostileInputs.Entry;

/**
 * The corpus's requests that no browser sends, built for one form from its valid filling: multipart bodies broken or cut
 * short, JSON and plain text where a form is expected, no CSRF token, uploads whose name or type lies, and a body of
 * 100 MB.
 */
final class HostileRequests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final long HUNDRED_MB = 100L * 1024 * 1024;
    /** Entries that only a form with a file input takes. */
    static final List<String> UPLOADS = List.of("upload-lying-content-type", "upload-lying-extension", "upload-script-file-name");
    /** Markup in a file name (no slash: a stored name has its slashes replaced, DocumentService). */
    static final String SCRIPT_FILE_NAME = "<img src=x onerror=alert(1)>.pdf";

    private HostileRequests() {
    }

    /**
     * Uploads go to forms with a file input; 100 MB to one multipart form and one URL-encoded form only, enough to meet
     * both of the container's ways of refusing it, at a second or two each.
     */
    static boolean appliesTo(Entry entry, FormTarget target) {
        if (entry.name().equals("body-100-mb")) {
            return target instanceof ProposalFormTarget || target instanceof RegistrationTarget;
        }
        return !UPLOADS.contains(entry.name()) || target.fileField() != null;
    }

    /**
     * What the portal must answer: this status and this message, on the page itself or, for a redirect back to the form,
     * on the form's page; {@code stored} when the request is taken (an upload whose name or type lies, but is a PDF).
     */
    record Expected(int status, String message, boolean stored) {
    }

    static Expected expected(Entry entry, FormTarget target) {
        return switch (entry.name()) {
            // the boundary matches nothing: the body reads as no fields at all, the token missing
            case "multipart-broken-boundary", "without-csrf-token" -> new Expected(403, "it was open too long", false);
            // cut short or without boundary: back to the form with the upload warning (UploadErrorAdvice)
            case "multipart-truncated-body", "multipart-without-boundary" -> new Expected(302, "arrived incomplete or damaged", false);
            case "json-body", "text-plain-body" -> new Expected(415, "not sent the way a browser sends a form", false);
            case "upload-lying-content-type" -> new Expected(200, "not a PDF", false);
            case "upload-lying-extension" -> new Expected(302, "letter.exe", true);
            case "upload-script-file-name" -> new Expected(302, SCRIPT_FILE_NAME, true);
            case "body-100-mb" -> target.multipart() ? new Expected(302, "larger than the server accepts", false)
                    : new Expected(413, "larger than Twinflow reads in one go", false);
            default -> throw new IllegalArgumentException("No request is built for corpus entry " + entry + ": add it to HostileRequests");
        };
    }

    static HttpResponse<String> send(Entry entry, FormTarget target) {
        FormBody valid = target.valid();
        String csrf = valid.value("_csrf");
        return switch (entry.name()) {
            case "multipart-broken-boundary" -> {
                Multipart body = valid.multipart();
                yield target.send("multipart/form-data; boundary=" + body.boundary + "X", BodyPublishers.ofByteArray(body.bytes()));
            }
            case "multipart-truncated-body" -> {
                Multipart body = valid.multipart();
                byte[] bytes = body.bytes();
                yield target.send("multipart/form-data; boundary=" + body.boundary, BodyPublishers.ofByteArray(Arrays.copyOf(bytes,
                        bytes.length / 2)));
            }
            case "multipart-without-boundary" -> target.send("multipart/form-data", BodyPublishers.ofByteArray(valid.multipart().bytes()));
            case "json-body" -> target.send("application/json",
                    BodyPublishers.ofString("{\"title\":\"Bus rapid transit\",\"answer\":\"Yes\",\"reason\":\"More time\"}"),
                    "X-CSRF-TOKEN", csrf);
            case "text-plain-body" -> target.send("text/plain", BodyPublishers.ofString("title=Bus rapid transit\r\nanswer=Yes\r\n"),
                    "X-CSRF-TOKEN", csrf);
            case "without-csrf-token" -> target.send(valid.remove("_csrf"));
            case "upload-lying-content-type" -> target.send(valid.file(target.fileField(), "letter.pdf", "application/pdf", PNG));
            case "upload-lying-extension" -> target.send(valid.file(target.fileField(), "letter.exe", "application/x-msdownload",
                    ProposalStages.PDF));
            case "upload-script-file-name" -> target.send(valid.file(target.fileField(), SCRIPT_FILE_NAME, "application/pdf",
                    ProposalStages.PDF));
            case "body-100-mb" -> hundredMegabytes(target, valid);
            default -> throw new IllegalArgumentException("No request is built for corpus entry " + entry + ": add it to HostileRequests");
        };
    }

    /** The valid form with 100 MB more: a file in a multipart form, a field in a URL-encoded one. Streamed, never held. */
    private static HttpResponse<String> hundredMegabytes(FormTarget target, FormBody valid) {
        if (target.multipart()) {
            Multipart body = valid.multipart();
            byte[] all = body.bytes();
            String closing = "--" + body.boundary + "--\r\n";
            String fileHead = "--" + body.boundary + "\r\nContent-Disposition: form-data; name=\"" + target.fileField()
                    + "\"; filename=\"huge.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-";
            byte[] head = concat(Arrays.copyOf(all, all.length - closing.length()), fileHead.getBytes(StandardCharsets.US_ASCII));
            return target.send("multipart/form-data; boundary=" + body.boundary,
                    streamed(head, ("\r\n" + closing).getBytes(StandardCharsets.US_ASCII)));
        }
        return target.send("application/x-www-form-urlencoded", streamed(concat(valid.urlEncoded(),
                "&padding=".getBytes(StandardCharsets.US_ASCII)), new byte[0]));
    }

    /** {@code head}, 100 MB of 'a', then {@code tail}. */
    private static HttpRequest.BodyPublisher streamed(byte[] head, byte[] tail) {
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new RepeatedByte('a', HUNDRED_MB), new ByteArrayInputStream(tail))))),
                head.length + HUNDRED_MB + tail.length);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** One byte, this many times. */
    private static final class RepeatedByte extends InputStream {
        private final int value;
        private long left;

        RepeatedByte(int value, long count) {
            this.value = value;
            this.left = count;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) value);
            left -= n;
            return n;
        }
    }
}
