package org.twinflow.web.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.twinflow.web.hostile.HostileInputs.Entry;
import org.twinflow.web.hostile.HostileInputs.Kind;
import org.twinflow.web.hostile.TextField.Verdict;

/**
 * Sends the corpus to one form, entry by entry, and checks what must happen: a refused entry brings the form back with
 * a message at each field that refused it and stores nothing (every count of {@link StoredRows} unchanged); an accepted
 * one is stored and shown exactly as sent. Text entries go into every text field of the form at once: the fields that
 * refuse it in one request, the fields that take it in another.
 */
final class CorpusRun {

    static final String ROWS_REFUSED = "The form sent more rows than it has. Nothing was saved";

    private final StoredRows rows;
    private int requests;

    CorpusRun(StoredRows rows) {
        this.rows = rows;
    }

    /** Requests sent so far. */
    int requests() {
        return requests;
    }

    /** One more request sent by the caller itself. */
    void counted() {
        requests++;
    }

    /** Every text entry in every text field of the form; valid text joined into as few requests as the fields hold. */
    void texts(FormTarget target) {
        Map<String, String> shownLater = new LinkedHashMap<>();
        for (Entry entry : HostileInputs.textsJoinedWithin(room(target))) {
            List<TextField> fields = target.texts(entry);
            List<TextField> refusing = fields.stream().filter(f -> f.verdict(entry).refused()).toList();
            List<TextField> taking = fields.stream().filter(f -> !f.verdict(entry).refused()).toList();
            if (!refusing.isEmpty()) {
                refused(target, entry, refusing);
            }
            if (!taking.isEmpty()) {
                shownLater.putAll(accepted(target, entry, taking));
            }
        }
        if (!shownLater.isEmpty()) {
            String shown = target.shown(null);
            SoftAssertions softly = new SoftAssertions();
            shownLater.forEach((what, text) -> softly.check(() -> Answers.assertShowsExactly(shown, text, what)));
            softly.assertAll();
        }
    }

    /** The length the shortest free-text field of the form takes. */
    private static int room(FormTarget target) {
        return target.texts(HostileInputs.of(Kind.TEXT).get(0)).stream().filter(f -> !f.coded()).mapToInt(TextField::maxLength).min()
                .orElseThrow();
    }

    /** Only the refusing half of each text entry: for a form that takes a single request (a revision). */
    void refusals(FormTarget target) {
        for (Entry entry : HostileInputs.texts()) {
            List<TextField> refusing = target.texts(entry).stream().filter(f -> f.verdict(entry).refused()).toList();
            if (!refusing.isEmpty()) {
                refused(target, entry, refusing);
            }
        }
    }

    /** Entries of this kind in all these fields at once: each field refuses them. */
    void refusedInEach(FormTarget target, Kind kind, List<String> fields) {
        if (fields.isEmpty()) {
            return;
        }
        for (Entry entry : HostileInputs.of(kind)) {
            FormBody form = target.valid();
            fields.forEach(field -> form.setBytes(field, entry.bytes()));
            String what = target + ", " + entry + " in " + fields;
            Map<String, Long> before = rows.count();
            HttpResponse<String> answer = send(target, form);
            Answers.assertFormAgainWithErrorsAt(answer, what, fields.stream().map(f -> f.replace("[", "").replace("]", "")).toList());
            assertThat(rows.count()).as("%s: nothing stored", what).isEqualTo(before);
        }
    }

    /** Row indices no form renders, in each of the form's lists: 400 with a message, nothing stored. */
    void rows(FormTarget target) {
        for (Entry entry : HostileInputs.of(Kind.INDEX)) {
            for (String row : target.rowFields()) {
                String field = String.format(row, entry.value());
                String what = target + ", " + field;
                Map<String, Long> before = rows.count();
                HttpResponse<String> answer = send(target, target.valid().set(field, "7"));
                Answers.assertRefusedPage(answer, what, 400, ROWS_REFUSED);
                assertThat(rows.count()).as("%s: nothing stored", what).isEqualTo(before);
            }
        }
    }

    private void refused(FormTarget target, Entry entry, List<TextField> fields) {
        FormBody form = target.valid();
        fields.forEach(field -> form.setBytes(field.name(), field.bytesOf(entry)));
        String what = target + ", " + entry + " in " + fields.stream().map(TextField::name).toList();
        Map<String, Long> before = rows.count();
        HttpResponse<String> answer = send(target, form);
        Map<String, List<String>> errors = Answers.assertFormAgainWithErrorsAt(answer, what,
                fields.stream().map(TextField::pageId).toList());
        SoftAssertions softly = new SoftAssertions();
        for (TextField field : fields) {
            if (field.verdict(entry) == Verdict.NOT_ACCEPTED && !field.coded()) {
                softly.assertThat(errors.get(field.pageId())).as("%s: the message at %s", what, field.name())
                        .anySatisfy(message -> assertThat(message).contains(Answers.NOT_ACCEPTED));
            }
        }
        softly.assertAll();
        assertThat(rows.count()).as("%s: nothing stored", what).isEqualTo(before);
    }

    /** @return what is left to see on the page that shows everything together, by what it is */
    private Map<String, String> accepted(FormTarget target, Entry entry, List<TextField> fields) {
        FormBody form = target.valid();
        fields.forEach(field -> form.setBytes(field.name(), field.bytesOf(entry)));
        String what = target + ", " + entry + " in " + fields.stream().map(TextField::name).toList();
        HttpResponse<String> answer = send(target, form);
        Answers.assertClear(answer, what);
        assertThat(answer.statusCode()).as("%s: accepted (%s)", what, Answers.errors(answer.body())).isEqualTo(302);
        Map<String, String> stored = target.stored(answer);
        String shown = target.showsEverythingTogether() ? null : target.shown(answer);
        Map<String, String> shownLater = new LinkedHashMap<>();
        SoftAssertions softly = new SoftAssertions();
        for (TextField field : fields) {
            if (!stored.containsKey(field.name())) {
                continue;
            }
            String value = stored.get(field.name());
            if (field.verdict(entry) == Verdict.EMPTY) {
                softly.assertThat(value).as("%s: %s stays empty", what, field.name()).isNullOrEmpty();
            } else {
                softly.assertThat(value).as("%s: %s stored exactly", what, field.name()).isEqualTo(field.valueOf(entry));
                if (shown != null && target.shows(field.name())) {
                    softly.check(() -> Answers.assertShowsExactly(shown, field.valueOf(entry), what + ": " + field.name()));
                } else if (target.showsEverythingTogether() && target.shows(field.name())) {
                    shownLater.put(what + ": " + field.name(), field.valueOf(entry));
                }
            }
        }
        softly.assertAll();
        target.awaitAgain();
        return shownLater;
    }

    private HttpResponse<String> send(FormTarget target, FormBody form) {
        requests++;
        return target.send(form);
    }
}
