package org.twinflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Every notice renders a subject, an HTML and a plain-text part from the templates and messages/mail.properties. */
class NoticeMailRendererTest {

    private static final String REFERENCE = "TW-2026-0007";
    private static final String TITLE = "Bus rapid transit exchange Surabaya–Kitakyushu";
    /** The reasons the eligibility decision (proposal-eligibility.dmn) can give. */
    private static final List<String> ELIGIBILITY_REASONS = List.of("APPLICANT_NOT_LOCAL_GOVERNMENT", "NO_FOREIGN_PARTNER",
            "THEMATIC_AREA_MISSING", "NO_SDG", "DURATION_TOO_SHORT", "DURATION_TOO_LONG", "REQUESTED_AMOUNT_MISSING",
            "REQUESTED_AMOUNT_TOO_HIGH", "CO_FINANCING_TOO_LOW");

    private final NoticeMailRenderer renderer = new NoticeMailRenderer(messageSource());

    @ParameterizedTest
    @EnumSource(Notice.class)
    void shouldRenderSubjectHtmlAndTextWithReferenceAndTitle(Notice notice) {
        // given a notice with every optional part filled in
        NoticeMail mail = new NoticeMail(notice, "kerja.sama@surabaya.example", "Rina Wulandari", REFERENCE, TITLE, "Surabaya",
                "Please attach the council resolution.", "12 March 2026, 09:30 UTC",
                ELIGIBILITY_REASONS.stream().map(r -> "mail.reason." + r).toList(), "A strong peer-learning design.",
                "Add a gender-disaggregated indicator.", "4.10", "amara", "http://localhost:8080/proposals/" + REFERENCE);

        // when it is rendered
        MailMessage rendered = renderer.render(mail);

        // then subject, HTML and text name the proposal and every text was found
        assertThat(rendered.to()).isEqualTo("kerja.sama@surabaya.example");
        assertThat(rendered.subject()).startsWith("[" + REFERENCE + "] ").endsWith(TITLE).doesNotContain("??");
        assertThat(rendered.html()).contains(REFERENCE, "Bus rapid transit exchange Surabaya", "Rina Wulandari",
                "Please attach the council resolution.", "12 March 2026, 09:30 UTC", "A strong peer-learning design.",
                "Add a gender-disaggregated indicator.", "href=\"http://localhost:8080/proposals/" + REFERENCE + "\"")
                .doesNotContain("??", "th:text", "{0}", "{1}");
        assertThat(rendered.text()).contains(REFERENCE, TITLE, "Dear Rina Wulandari,", "Please attach the council resolution.",
                "http://localhost:8080/proposals/" + REFERENCE)
                .doesNotContain("??", "<", "[(", "{0}", "{1}");
    }

    @Test
    void shouldExplainEveryEligibilityReasonAndLeaveOutEmptyParts() {
        // given an ineligibility notice with all reasons and no question, deadline or feedback
        NoticeMail mail = new NoticeMail(Notice.PROPOSAL_INELIGIBLE, "a@b.example", null, REFERENCE, TITLE, "Surabaya", null, null,
                ELIGIBILITY_REASONS.stream().map(r -> "mail.reason." + r).toList(), null, null, null, null, null);

        // when it is rendered
        MailMessage rendered = renderer.render(mail);

        // then each reason is a sentence, the greeting is anonymous, and the empty parts are left out
        assertThat(rendered.text()).contains("Hello,", "- No partner city is in another country.",
                "- The co-financing share is lower than the call requires.").doesNotContain("??", "Deadline", "Feedback");
        assertThat(rendered.html()).contains("<li>No Sustainable Development Goal is chosen.</li>").doesNotContain("??", "Deadline");
    }

    @Test
    void shouldEscapeHtmlInTheHtmlPartOnly() {
        // given a question with markup, typed by a staff member
        NoticeMail mail = new NoticeMail(Notice.CLARIFICATION_REQUESTED, "a@b.example", "Li Hua", REFERENCE, "Parks & <rivers>",
                "Cities", "Is <b>co-financing</b> confirmed?", null, null, null, null, null, null, null);

        // when it is rendered, then HTML escapes it and plain text keeps it as typed
        MailMessage rendered = renderer.render(mail);
        assertThat(rendered.html()).contains("Is &lt;b&gt;co-financing&lt;/b&gt; confirmed?", "Parks &amp; &lt;rivers&gt;");
        assertThat(rendered.text()).contains("Is <b>co-financing</b> confirmed?", "Parks & <rivers>");
    }

    @Test
    void shouldRenderAStaffDigestWithOneLinePerTask() {
        // given two waiting tasks, one without a due date
        StaffDigestMail digest = new StaffDigestMail("sofia@twinflow.example", "Sofia Santos", List.of(
                new StaffDigestMail.Item("Screen TW-2026-0007 · " + TITLE, REFERENCE, "3 March 2026, 09:00 UTC",
                        "http://localhost:8080/camunda/app/tasklist/default/#/?task=t1"),
                new StaffDigestMail.Item("Verify city account", null, null,
                        "http://localhost:8080/camunda/app/tasklist/default/#/?task=t2")),
                "http://localhost:8080/camunda/app/tasklist/default/");

        // when it is rendered
        MailMessage rendered = renderer.render(digest);

        // then the subject counts the tasks and both parts list them with their links
        assertThat(rendered.subject()).isEqualTo("Twinflow: 2 new tasks waiting for you");
        assertThat(rendered.text()).contains("Dear Sofia Santos,", "- Screen TW-2026-0007 · " + TITLE + " (" + REFERENCE + ")",
                "Due: 3 March 2026, 09:00 UTC", "- Verify city account\n", "Due: no due date", "#/?task=t2")
                .doesNotContain("??", "null");
        assertThat(rendered.html()).contains("href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=t1\"",
                "no due date").doesNotContain("??", "null");
        assertThat(renderer.render(new StaffDigestMail("a@b.example", null, List.of(digest.tasks().get(0)), "x")).subject())
                .isEqualTo("Twinflow: 1 new task waiting for you");
    }

    static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/mail");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
