package org.twinflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.twinflow.approval.Decision;
import org.twinflow.notification.Notice;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.review.Recommendation;
import org.twinflow.screening.ScreeningOutcome;
import org.twinflow.system.StaffGroups;
import org.twinflow.timeline.TimelineActors.Actor;
import org.twinflow.timeline.TimelineActors.Kind;
import org.twinflow.timeline.TimelineWording.Line;

/**
 * Timeline entries in words with the application's own message bundles: every code an entry can carry has
 * its words, each detail format its sentence, and a code nobody wrote words for still reads as words.
 */
class TimelineWordingTest {

    private static final Locale ENGLISH = Locale.ENGLISH;
    private static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b|\\b[a-z]+(_[a-z]+)+\\b");

    private final ResourceBundleMessageSource messages = messages();
    private final TimelineWording wording = new TimelineWording(messages);

    private final Map<String, Actor> actors = Map.of(
            "twinflow", new Actor("twinflow", Kind.SYSTEM, null, null, Set.of()),
            "unknown", new Actor("unknown", Kind.SYSTEM, null, null, Set.of()),
            "sofia", new Actor("sofia", Kind.STAFF, "Sofia Reyes", null, Set.of(StaffGroups.SECRETARIAT)),
            "kofi", new Actor("kofi", Kind.STAFF, "Kofi Mensah", null, Set.of(StaffGroups.COMMITTEE)),
            "amara", new Actor("amara", Kind.STAFF, "Amara Okafor", null, Set.of(StaffGroups.REVIEWERS)),
            "chen", new Actor("chen", Kind.STAFF, "Chen Wei", null, Set.of(StaffGroups.REVIEWERS)),
            "city7", new Actor("city7", Kind.CITY_OFFICER, "Rina Wulandari", "Semarang", Set.of(StaffGroups.CITIES)),
            "officer-1", new Actor("officer-1", Kind.CITY_OFFICER, null, "Semarang", Set.of()),
            "left2024", new Actor("left2024", Kind.UNKNOWN, null, null, Set.of()));

    @Test
    void shouldHaveWordsForEveryCodeAnEntryCanCarry() throws IOException {
        List<String> missing = new ArrayList<>();
        Arrays.stream(TimelineEvent.values()).forEach(e -> expectKey(missing, "timeline." + e.name()));
        Arrays.stream(ProposalStatus.values()).forEach(s -> expectKey(missing, "status." + s.name()));
        Arrays.stream(Notice.values()).forEach(n -> expectKey(missing, "notice." + n.name()));
        Arrays.stream(Decision.values()).forEach(d -> expectKey(missing, "page.decision." + d.value()));
        Arrays.stream(Recommendation.values()).forEach(r -> expectKey(missing, "page.recommendation." + r.value().toUpperCase(ENGLISH)));
        Arrays.stream(ScreeningOutcome.values()).forEach(o -> expectKey(missing, "timeline.detail.screened." + o.value()));
        eligibilityReasons().forEach(reason -> expectKey(missing, "mail.reason." + reason));
        expectKey(missing, "mail.reason.SCREENED_INELIGIBLE");

        assertThat(missing).as("codes without words in messages/*.properties").isEmpty();
    }

    @Test
    void shouldPutEveryEventWithItsDetailInWordsForStaffAndForTheApplicant() {
        List<TimelineEntry> entries = List.of(
                entry("city7", TimelineEvent.SUBMITTED, null),
                entry("twinflow", TimelineEvent.STATUS_CHANGED, ProposalStatus.IN_SCREENING.name()),
                entry("twinflow", TimelineEvent.NOTICE_SENT, Notice.PROPOSAL_RECEIVED.name()),
                entry("sofia", TimelineEvent.SCREENED, "needs_clarification: Resolution missing"),
                entry("sofia", TimelineEvent.CLARIFICATION_REQUESTED, "Please attach the council resolution."),
                entry("twinflow", TimelineEvent.NOTICE_SENT, Notice.CLARIFICATION_REMINDER.name()),
                entry("city7", TimelineEvent.CLARIFICATION_PROVIDED, null),
                entry("sofia", TimelineEvent.SCREENED, "complete"),
                entry("sofia", TimelineEvent.REVIEWERS_ASSIGNED, "amara, chen"),
                entry("amara", TimelineEvent.CONFLICT_DECLARED, "I advised the partner city in 2025."),
                entry("sofia", TimelineEvent.REVIEWER_REPLACED, "amara → chen"),
                entry("sofia", TimelineEvent.REVIEWER_NOT_REPLACED, "amara"),
                entry("sofia", TimelineEvent.REVIEW_DEADLINE_EXTENDED, "chen → 2026-05-01T00:00:00Z"),
                entry("sofia", TimelineEvent.REVIEW_REASSIGNED, "chen → amara"),
                entry("chen", TimelineEvent.REVIEW_SUBMITTED, "fund_with_changes"),
                entry("twinflow", TimelineEvent.SCORES_AGGREGATED, "overall 4.25"),
                entry("twinflow", TimelineEvent.NOTICE_SENT, "REVIEW_REMINDER to chen@network.example"),
                entry("kofi", TimelineEvent.DECIDED, "approve_with_conditions"),
                entry("twinflow", TimelineEvent.REPORTING_PLANNED, "3 progress reports and a final report"),
                entry("officer-1", TimelineEvent.AGREEMENT_UPLOADED, "signed-agreement.pdf"),
                entry("sofia", TimelineEvent.AGREEMENT_VERIFIED, null),
                entry("city7", TimelineEvent.REPORT_SUBMITTED, "PROGRESS 1"),
                entry("sofia", TimelineEvent.REPORT_ACCEPTED, "FINAL 1"),
                entry("sofia", TimelineEvent.FINAL_EVALUATION, "rating 4/5"),
                entry("twinflow", TimelineEvent.FOUND_INELIGIBLE, "NO_FOREIGN_PARTNER, NO_SDG"),
                entry("unknown", TimelineEvent.SCREENED, "ineligible: Not a local government"),
                entry("secretariat", TimelineEvent.STAFF_COMMENT, "We will call you on Monday."),
                entry("left2024", TimelineEvent.OVERDUE_REPORT_FOLLOWED_UP, "Agreed a new date by phone."));

        List<Line> staff = wording.forStaff(entries, actors, ENGLISH);
        List<Line> applicant = wording.forApplicant(entries, actors, ENGLISH);

        assertThat(staff).extracting(Line::event, Line::detail, Line::text, Line::actor).containsExactly(
                line("Proposal submitted", null, null, "Rina Wulandari of Semarang"),
                line("Status changed", "In screening", null, "Twinflow"),
                line("Message sent", "receipt of the proposal", null, "Twinflow"),
                line("Screened by the secretariat", "clarification needed", "Resolution missing", "Sofia Reyes"),
                line("The secretariat asked for clarification", null, "Please attach the council resolution.", "Sofia Reyes"),
                line("Message sent", "reminder of the clarification deadline", null, "Twinflow"),
                line("Clarification answered", null, null, "Rina Wulandari of Semarang"),
                line("Screened by the secretariat", "complete, on to review", null, "Sofia Reyes"),
                line("Reviewers assigned", "Amara Okafor, Chen Wei", null, "Sofia Reyes"),
                line("Conflict of interest declared", null, "I advised the partner city in 2025.", "Amara Okafor"),
                line("Reviewer replaced", "Amara Okafor, replaced by Chen Wei", null, "Sofia Reyes"),
                line("Review continued without a replacement reviewer", "Amara Okafor, not replaced", null, "Sofia Reyes"),
                line("Review deadline extended", "Chen Wei, until " + DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(ENGLISH).format(Instant.parse("2026-05-01T00:00:00Z").atZone(ZoneOffset.UTC)) + " (UTC)", null, "Sofia Reyes"),
                line("Overdue review reassigned", "from Chen Wei to Amara Okafor", null, "Sofia Reyes"),
                line("Review submitted", "recommendation: Fund with changes", null, "Chen Wei"),
                line("Scores aggregated", "overall score 4.25", null, "Twinflow"),
                line("Message sent", "reminder to a reviewer, to chen@network.example", null, "Twinflow"),
                line("The committee decided", "Approved with conditions", null, "Kofi Mensah"),
                line("Reporting periods planned", "3 progress reports and a final report", null, "Twinflow"),
                line("Signed agreement uploaded", null, "signed-agreement.pdf", "an officer of Semarang"),
                line("Signed agreement verified", null, null, "Sofia Reyes"),
                line("Report submitted", "progress report 1", null, "Rina Wulandari of Semarang"),
                line("Report accepted", "final report", null, "Sofia Reyes"),
                line("Final evaluation done", "rated 4 out of 5", null, "Sofia Reyes"),
                line("Found not eligible", null, "No partner city is in another country. No Sustainable Development Goal is chosen.", "Twinflow"),
                line("Screened by the secretariat", "not eligible", "Not a local government", "Twinflow"),
                line("Comment from the network", null, "We will call you on Monday.", "the secretariat"),
                line("Overdue report followed up by the secretariat", null, "Agreed a new date by phone.", "left2024"));

        // the applicant sees its officers by name and staff as the body they acted for, never a staff member's name
        assertThat(applicant).extracting(Line::actor).containsExactly("Rina Wulandari", "Twinflow", "Twinflow", "the secretariat",
                "the secretariat", "Twinflow", "Rina Wulandari", "the secretariat", "the secretariat", "a reviewer", "the secretariat",
                "the secretariat", "the secretariat", "the secretariat", "a reviewer", "Twinflow", "Twinflow", "the committee", "Twinflow",
                "an officer of Semarang", "the secretariat", "Rina Wulandari", "the secretariat", "the secretariat", "Twinflow", "Twinflow",
                "the secretariat", null);
        // and not the secretariat's screening notes or the rating
        assertThat(applicant.get(3).text()).isNull();
        assertThat(applicant.get(23).detail()).isNull();
        for (List<Line> lines : List.of(staff, applicant)) {
            for (Line line : lines) {
                assertThat(String.join(" | ", String.valueOf(line.event()), String.valueOf(line.detail()), String.valueOf(line.actor())))
                        .doesNotContainPattern(CODE).doesNotContain("unknown", "twinflow");
            }
        }
    }

    @Test
    void shouldReadACodeWithoutWordsAsPlainWordsNeverAsTheCode() {
        List<TimelineEntry> entries = List.of(
                entry("twinflow", "PARTNERSHIP_RENEWED", "RENEWAL_REQUESTED"),
                entry("twinflow", TimelineEvent.STATUS_CHANGED.name(), "ON_HOLD"),
                entry("twinflow", TimelineEvent.NOTICE_SENT.name(), "RENEWAL_OFFERED"));

        assertThat(wording.forStaff(entries, actors, ENGLISH)).extracting(Line::event, Line::detail, Line::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Partnership renewed", null, "renewal requested"),
                org.assertj.core.groups.Tuple.tuple("Status changed", "on hold", null),
                org.assertj.core.groups.Tuple.tuple("Message sent", "renewal offered", null));
    }

    @Test
    void shouldNameTheUsersAnEntryNamesForLookUp() {
        List<TimelineEntry> entries = List.of(entry("sofia", TimelineEvent.REVIEWERS_ASSIGNED, "amara, bao"),
                entry("sofia", TimelineEvent.REVIEWER_REPLACED, "amara → chen"),
                entry("sofia", TimelineEvent.REVIEW_DEADLINE_EXTENDED, "dara → 2026-05-01T00:00:00Z"),
                entry("twinflow", TimelineEvent.NOTICE_SENT, "REVIEW_REMINDER to bao@network.example"));

        assertThat(wording.people(entries)).containsExactly("sofia", "amara", "bao", "chen", "dara", "twinflow");
    }

    // --- helpers ---------------------------------------------------------------------------------

    private static TimelineEntry entry(String actor, TimelineEvent event, String detail) {
        return entry(actor, event.name(), detail);
    }

    private static TimelineEntry entry(String actor, String event, String detail) {
        return new TimelineEntry(1L, NOW, actor, event, detail, true);
    }

    private static org.assertj.core.groups.Tuple line(String event, String detail, String text, String actor) {
        return org.assertj.core.groups.Tuple.tuple(event, detail, text, actor);
    }

    private void expectKey(List<String> missing, String key) {
        if (messages.getMessage(key, null, null, ENGLISH) == null) {
            missing.add(key);
        }
    }

    /** The reasons the eligibility decision can give (its output entries). */
    private static List<String> eligibilityReasons() throws IOException {
        Matcher reason = Pattern.compile("<text>\"([A-Z_]+)\"</text>").matcher(Files.readString(Path.of("processes/proposal-eligibility.dmn")));
        List<String> reasons = new ArrayList<>();
        while (reason.find()) {
            reasons.add(reason.group(1));
        }
        assertThat(reasons).isNotEmpty();
        return reasons;
    }

    /** The bundles of application.yaml's spring.messages.basename. */
    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/messages"))) {
            source.setBasenames(bundles.map(p -> "messages/" + p.getFileName().toString().replace(".properties", "")).sorted()
                    .toArray(String[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
