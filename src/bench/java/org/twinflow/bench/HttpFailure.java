package org.twinflow.bench;

import java.net.http.HttpResponse;

/** An answer the benchmark counts as an error: anything but 2xx and 3xx, or a page other than the one expected. */
final class HttpFailure extends RuntimeException {

    HttpFailure(String what, HttpResponse<String> response) {
        super(what + ": HTTP " + response.statusCode() + " " + excerpt(response.body()));
    }

    HttpFailure(String message) {
        super(message);
    }

    static HttpResponse<String> check(String what, HttpResponse<String> response) {
        if (response.statusCode() < 200 || response.statusCode() >= 400) {
            throw new HttpFailure(what, response);
        }
        return response;
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
