package org.twinflow.timeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.twinflow.system.StaffGroups;
import org.twinflow.timeline.TimelineActors.Actor;

/**
 * Timeline entries in words, for the applicant's proposal page and the staff view. An entry stores its
 * event as a code and its detail as the writer left it: a code (a status, a notice, a decision), user ids
 * ("amara → chen"), a short coded phrase ("PROGRESS 1", "overall 4.1") or a text a person wrote. Here each
 * becomes a sentence from the message bundles ({@code timeline.*}, {@code status.*}, {@code notice.*} ...),
 * and each actor a name or a role: a code without a message reads as plain words, never as the code.
 *
 * <p>The applicant sees the names of the officers of its own city and, for staff, the body that acted
 * ("the secretariat", "the committee"); staff see everybody's name. Twinflow itself (status moves, notices,
 * timers, demo data) is "Twinflow".
 */
@Component
public class TimelineWording {

    /** An entry in words; {@code detail} is a short phrase after the event, {@code text} what a person wrote, kept as written. */
    public record Line(Instant occurredAt, String event, String detail, String text, String actor) {
    }

    /** Events whose detail is the text a person wrote (a question, a note, a file name, a comment). */
    private static final Set<TimelineEvent> TEXT_DETAILS = Set.of(TimelineEvent.CLARIFICATION_REQUESTED, TimelineEvent.CONFLICT_DECLARED,
            TimelineEvent.AGREEMENT_UPLOADED, TimelineEvent.AGREEMENT_REJECTED, TimelineEvent.REPORT_CHANGES_REQUESTED,
            TimelineEvent.OVERDUE_REPORT_FOLLOWED_UP, TimelineEvent.STAFF_COMMENT);
    /** Details the applicant does not see: who reviewed, scores, the secretariat's own notes. */
    private static final Set<TimelineEvent> STAFF_ONLY_DETAILS = Set.of(TimelineEvent.SCREENED, TimelineEvent.FINAL_EVALUATION);
    /** "amara → chen", "amara → 2026-05-01T00:00:00Z" */
    private static final String ARROW = " → ";
    /** What a code looks like: "SUBMITTED", "PROPOSAL_RECEIVED", "needs_clarification". */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+|[a-z][a-z0-9]*(_[a-z0-9]+)+");
    /** An eligibility reason: "NO_FOREIGN_PARTNER" (a note the secretariat wrote never looks like this). */
    private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)\\b");
    private static final Pattern REPORT = Pattern.compile("^([A-Z_]+) (\\d+)$");
    private static final Pattern OVERALL = Pattern.compile("^overall ([0-9.]+)$");
    private static final Pattern RATING = Pattern.compile("^rating (\\d+)/5$");

    private final MessageSource messages;

    TimelineWording(MessageSource messages) {
        this.messages = messages;
    }

    /** The user ids an entry names, as actor or in its detail, to look up with {@link TimelineActors#lookUp}. */
    public Set<String> people(List<TimelineEntry> entries) {
        Set<String> ids = new LinkedHashSet<>();
        for (TimelineEntry entry : entries) {
            ids.add(entry.getActor());
            TimelineEvent event = eventOf(entry);
            String detail = entry.getDetail();
            if (event == null || detail == null) {
                continue;
            }
            switch (event) {
                case REVIEWERS_ASSIGNED -> ids.addAll(Arrays.stream(detail.split(",")).map(String::strip).toList());
                case REVIEWER_REPLACED, REVIEW_REASSIGNED -> ids.addAll(Arrays.stream(detail.split(ARROW)).map(String::strip).toList());
                case REVIEWER_NOT_REPLACED -> ids.add(detail.strip());
                case REVIEW_DEADLINE_EXTENDED -> ids.add(detail.split(ARROW)[0].strip());
                default -> { }
            }
        }
        return ids;
    }

    /** The entries the applicant may see, in words. */
    public List<Line> forApplicant(List<TimelineEntry> entries, Map<String, Actor> actors, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (TimelineEntry entry : entries) {
            TimelineEvent event = eventOf(entry);
            Actor actor = TimelineActors.of(actors, entry.getActor());
            String detail = null;
            String text = null;
            if (event != null && entry.getDetail() != null && !entry.getDetail().isBlank() && !STAFF_ONLY_DETAILS.contains(event)) {
                String[] words = detail(event, entry.getDetail().strip(), actors, locale, false);
                detail = words[0];
                text = words[1];
            }
            lines.add(new Line(entry.getOccurredAt(), eventWords(entry, locale), detail, text, applicantWords(actor, event, locale)));
        }
        return lines;
    }

    /** Every entry given, in words, with names. */
    public List<Line> forStaff(List<TimelineEntry> entries, Map<String, Actor> actors, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (TimelineEntry entry : entries) {
            TimelineEvent event = eventOf(entry);
            String detail = null;
            String text = null;
            if (entry.getDetail() != null && !entry.getDetail().isBlank()) {
                String[] words = event == null ? new String[] {null, plainOrWords(entry.getDetail().strip(), locale)}
                        : detail(event, entry.getDetail().strip(), actors, locale, true);
                detail = words[0];
                text = words[1];
            }
            lines.add(new Line(entry.getOccurredAt(), eventWords(entry, locale), detail, text,
                    staffWords(TimelineActors.of(actors, entry.getActor()), locale)));
        }
        return lines;
    }

    /** A person as staff see them: the name ("Rina Wulandari of Semarang" for an officer), or the role when there is no person. */
    public String staffWords(Actor actor, Locale locale) {
        return switch (actor.kind()) {
            case SYSTEM -> text("timeline.actor.system", locale);
            case STAFF -> actor.name() != null ? actor.name() : role(actor, locale);
            case CITY_OFFICER -> actor.name() != null && actor.cityName() != null
                    ? text("timeline.actor.namedOfficer", locale, actor.name(), actor.cityName()) : officer(actor, locale);
            // a user deleted since: the id is all the audit trail has, and it is a person's id, not a code
            case UNKNOWN -> actor.id();
        };
    }

    /**
     * A person as the applicant sees them: Twinflow, an officer of the own city by name, and staff as the body
     * they acted for; nobody at all for an id that names no one any more.
     */
    private String applicantWords(Actor actor, TimelineEvent event, Locale locale) {
        return switch (actor.kind()) {
            case SYSTEM -> text("timeline.actor.system", locale);
            case CITY_OFFICER -> officer(actor, locale);
            case STAFF -> event == TimelineEvent.DECIDED ? text("timeline.actor.committee", locale) : role(actor, locale);
            case UNKNOWN -> null;
        };
    }

    /** "Rina Wulandari", or "an officer of Semarang" for an account known only by its city. */
    private String officer(Actor actor, Locale locale) {
        if (actor.name() != null) {
            return actor.name();
        }
        return actor.cityName() != null ? text("timeline.actor.cityOfficer", locale, actor.cityName()) : text("timeline.actor.officer", locale);
    }

    /**
     * The body a staff member acts for: the secretariat for its members (and administrators), the committee for
     * its members, "a reviewer" for those who only review.
     */
    private String role(Actor actor, Locale locale) {
        if (actor.inGroup(StaffGroups.SECRETARIAT)) {
            return text("timeline.actor.secretariat", locale);
        }
        if (actor.inGroup(StaffGroups.COMMITTEE)) {
            return text("timeline.actor.committee", locale);
        }
        return text(actor.inGroup(StaffGroups.REVIEWERS) ? "timeline.actor.reviewer" : "timeline.actor.secretariat", locale);
    }

    private String eventWords(TimelineEntry entry, Locale locale) {
        String words = words(entry.getEvent());
        String fallback = words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return messages.getMessage("timeline." + entry.getEvent(), null, fallback, locale);
    }

    /** {short phrase, text as written}: a detail in words, by the format its event writes. */
    private String[] detail(TimelineEvent event, String detail, Map<String, Actor> actors, Locale locale, boolean staff) {
        if (TEXT_DETAILS.contains(event)) {
            return new String[] {null, detail};
        }
        return switch (event) {
            case STATUS_CHANGED -> phrase(coded("status.", detail, locale));
            case DECIDED -> phrase(coded("page.decision.", detail, locale));
            case NOTICE_SENT -> {
                int to = detail.indexOf(" to ");
                String notice = coded("notice.", to < 0 ? detail : detail.substring(0, to), locale);
                yield phrase(to < 0 || !staff ? notice : text("timeline.detail.noticeTo", locale, notice, detail.substring(to + 4)));
            }
            case FOUND_INELIGIBLE -> new String[] {null, reasons(detail, locale)};
            case SCREENED -> {
                int colon = detail.indexOf(": ");
                String outcome = colon < 0 ? detail : detail.substring(0, colon);
                yield new String[] {coded("timeline.detail.screened.", outcome, locale), colon < 0 ? null : detail.substring(colon + 2)};
            }
            case REVIEWERS_ASSIGNED -> phrase(Arrays.stream(detail.split(",")).map(id -> person(actors, id.strip(), locale))
                    .collect(Collectors.joining(", ")));
            case REVIEWER_REPLACED -> phrase(pair("timeline.detail.reviewerReplaced", detail, actors, locale));
            case REVIEW_REASSIGNED -> phrase(pair("timeline.detail.reviewReassigned", detail, actors, locale));
            case REVIEWER_NOT_REPLACED -> phrase(text("timeline.detail.reviewerNotReplaced", locale, person(actors, detail, locale)));
            case REVIEW_DEADLINE_EXTENDED -> phrase(deadline(detail, actors, locale));
            case REVIEW_SUBMITTED -> phrase(text("timeline.detail.recommendation", locale,
                    coded("page.recommendation.", detail.toUpperCase(Locale.ROOT), locale)));
            case SCORES_AGGREGATED -> phrase(matched(OVERALL, detail, "timeline.detail.overall", locale));
            case FINAL_EVALUATION -> phrase(matched(RATING, detail, "timeline.detail.rating", locale));
            case REPORTING_PLANNED -> {
                Matcher number = LEADING_NUMBER.matcher(detail);
                yield phrase(number.find() ? text("timeline.detail.reportingPlanned", locale, Integer.parseInt(number.group(1)))
                        : plainOrWords(detail, locale));
            }
            case REPORT_SUBMITTED, REPORT_ACCEPTED -> {
                Matcher report = REPORT.matcher(detail);
                yield phrase(report.matches() ? messages.getMessage("timeline.detail.report." + report.group(1),
                        new Object[] {Integer.parseInt(report.group(2))}, words(report.group(1)), locale) : plainOrWords(detail, locale));
            }
            default -> new String[] {null, plainOrWords(detail, locale)};
        };
    }

    /** "Amara Okafor, replaced by Chen Wei" from "amara → chen". */
    private String pair(String key, String detail, Map<String, Actor> actors, Locale locale) {
        String[] ids = detail.split(ARROW);
        if (ids.length != 2) {
            return plainOrWords(detail, locale);
        }
        return text(key, locale, person(actors, ids[0].strip(), locale), person(actors, ids[1].strip(), locale));
    }

    /** "Amara Okafor, until 1 May 2026, 00:00:00 (UTC)" from "amara → 2026-05-01T00:00:00Z". */
    private String deadline(String detail, Map<String, Actor> actors, Locale locale) {
        String[] parts = detail.split(ARROW);
        if (parts.length != 2) {
            return plainOrWords(detail, locale);
        }
        try {
            String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                    .format(Instant.parse(parts[1].strip()).atZone(ZoneOffset.UTC));
            return text("timeline.detail.reviewDeadlineExtended", locale, person(actors, parts[0].strip(), locale), until);
        } catch (DateTimeParseException notADate) {
            return plainOrWords(detail, locale);
        }
    }

    /** The eligibility decision's reason codes ("NO_FOREIGN_PARTNER, NO_SDG") as the sentences the applicant's mail has; a note as written. */
    private String reasons(String detail, Locale locale) {
        List<String> codes = Arrays.stream(detail.split(",")).map(String::strip).toList();
        if (!codes.stream().allMatch(code -> REASON.matcher(code).matches())) {
            return detail;
        }
        return codes.stream().map(code -> messages.getMessage("mail.reason." + code, null, sentence(code), locale))
                .collect(Collectors.joining(" "));
    }

    private String matched(Pattern pattern, String detail, String key, Locale locale) {
        Matcher matcher = pattern.matcher(detail);
        return matcher.matches() ? text(key, locale, matcher.group(1)) : plainOrWords(detail, locale);
    }

    private String person(Map<String, Actor> actors, String id, Locale locale) {
        return staffWords(TimelineActors.of(actors, id), locale);
    }

    /** A code's message, or the code in plain words when the bundle has none. */
    private String coded(String prefix, String code, Locale locale) {
        return messages.getMessage(prefix + code, null, words(code), locale);
    }

    /** A detail of an unexpected form: a lone code in plain words, anything else as written. */
    private String plainOrWords(String detail, Locale locale) {
        return CODE.matcher(detail).matches() ? words(detail) : detail;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String[] phrase(String words) {
        return new String[] {words, null};
    }

    private static TimelineEvent eventOf(TimelineEntry entry) {
        try {
            return TimelineEvent.valueOf(entry.getEvent());
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return null;
        }
    }

    /** "PROPOSAL_RECEIVED" or "needs_clarification" as "proposal received", "needs clarification". */
    static String words(String code) {
        return code == null ? "" : code.replace('_', ' ').strip().toLowerCase(Locale.ROOT);
    }

    /** A code as a sentence: "No foreign partner." */
    private static String sentence(String code) {
        String words = words(code);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    }
}
