package org.twinflow.web.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/** What the portal answered, read as a person reads it: the status, the error summary of a form, the page's text. */
final class Answers {

    /** A form's error summary, and its links: the page id of the field and the message. */
    private static final Pattern SUMMARY = Pattern.compile("class=\"error-summary\".*?</ul>", Pattern.DOTALL);
    private static final Pattern SUMMARY_LINK = Pattern.compile("<a href=\"#([^\"]*)\">([^<]*)</a>");
    /** What a page never shows, whatever went wrong: the insides of the application. */
    private static final List<String> INSIDES = List.of("Exception", "\tat ", "at org.", "at java.", "Whitelabel", "Stacktrace",
            "SQLState", "springframework");

    static final String NOT_ACCEPTED = "characters that are not accepted";

    private Answers() {
    }

    /** Never a server error, never the application's insides: a page of ours or a redirect to one. */
    static void assertClear(HttpResponse<String> answer, String what) {
        assertThat(answer.statusCode()).as("%s: status (%s)", what, excerpt(answer.body())).isLessThan(500);
        String body = answer.body() == null ? "" : answer.body();
        for (String inside : INSIDES) {
            assertThat(body).as("%s: the page shows no %s", what, inside).doesNotContain(inside);
        }
    }

    /** A 4xx page of ours with its message. */
    static void assertRefusedPage(HttpResponse<String> answer, String what, int status, String message) {
        assertClear(answer, what);
        assertThat(answer.statusCode()).as("%s: status (%s)", what, excerpt(answer.body())).isEqualTo(status);
        assertThat(text(answer.body())).as(what).contains(message);
    }

    /** The form again (200), with an error in its summary for each of these page ids. */
    static Map<String, List<String>> assertFormAgainWithErrorsAt(HttpResponse<String> answer, String what, List<String> pageIds) {
        assertClear(answer, what);
        assertThat(answer.statusCode()).as("%s: the form again (%s)", what, excerpt(answer.body())).isEqualTo(200);
        Map<String, List<String>> errors = errors(answer.body());
        assertThat(errors.keySet()).as("%s: fields with errors", what).containsAll(pageIds);
        return errors;
    }

    static Map<String, List<String>> errors(String html) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Matcher summary = SUMMARY.matcher(html);
        if (summary.find()) {
            Matcher link = SUMMARY_LINK.matcher(summary.group());
            while (link.find()) {
                errors.computeIfAbsent(link.group(1), id -> new ArrayList<>()).add(HtmlUtils.htmlUnescape(link.group(2)));
            }
        }
        return errors;
    }

    /** Where a redirect leads, without the server's address. */
    static String location(HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", "");
    }

    /** The page as text: its HTML escapes undone. */
    static String text(String html) {
        return html == null ? "" : HtmlUtils.htmlUnescape(html);
    }

    /**
     * The page shows the text exactly, and only escaped: markup in it never reaches the page as markup. An expression
     * (${7*7}) shows as written, never as its value.
     */
    static void assertShowsExactly(String html, String text, String what) {
        assertThat(text(html)).as("%s: shown as sent", what).contains(text);
        if (text.contains("<") || text.contains("\"") || text.contains("&")) {
            assertThat(html).as("%s: shown escaped, never as markup", what).doesNotContain(text);
        }
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "no body";
        }
        int title = body.indexOf("<h1");
        String from = title < 0 ? body : body.substring(title);
        return from.length() > 400 ? from.substring(0, 400) : from;
    }
}
