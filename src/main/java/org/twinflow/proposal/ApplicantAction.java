package org.twinflow.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;


/**
 * What the procedure waits for from the applicant city now, and by when: each stage's answer
 * ({@link ApplicantActionSource}), which the portal shows. A deadline is an instant (clarification, revision,
 * agreement: the due date the stage stored when the process armed its timer) or, for a report, a due date.
 * {@code reportKind} is the report's kind by name ({@code PROGRESS}, {@code FINAL}), part of the message key.
 */
public record ApplicantAction(Kind kind, Instant deadline, LocalDate dueDate, boolean overdue, Long reportId, String reportKind,
        Integer periodNumber) {

    /** The actions a city can owe; the names are message keys {@code page.action.<KIND>}. */
    public enum Kind {
        FINISH_DRAFT, ANSWER_CLARIFICATION, REVISE, UPLOAD_AGREEMENT, SUBMIT_REPORT
    }

    public static ApplicantAction finishDraft() {
        return new ApplicantAction(Kind.FINISH_DRAFT, null, null, false, null, null, null);
    }

    public static ApplicantAction until(Kind kind, Instant deadline) {
        return new ApplicantAction(kind, deadline, null, false, null, null, null);
    }

    /** The signed agreement, due at {@code deadline}; once it has passed, the secretariat decides and nothing can be uploaded. */
    public static ApplicantAction agreement(Instant deadline, Instant now) {
        return new ApplicantAction(Kind.UPLOAD_AGREEMENT, deadline, null, deadline != null && now.isAfter(deadline), null, null, null);
    }

    public static ApplicantAction report(Long reportId, String reportKind, int periodNumber, LocalDate dueDate, LocalDate today) {
        return new ApplicantAction(Kind.SUBMIT_REPORT, null, dueDate, today.isAfter(dueDate), reportId, reportKind, periodNumber);
    }

    /** The deadline in UTC, the zone the process's timers run in, for #temporals. */
    public ZonedDateTime deadlineUtc() {
        return deadline == null ? null : deadline.atZone(ZoneOffset.UTC);
    }

    /** Message key of what to do: page.action.ANSWER_CLARIFICATION, page.action.SUBMIT_REPORT.FINAL, ... */
    public String messageKey() {
        return "page.action." + kind.name() + (reportKind == null ? "" : "." + reportKind);
    }

    public boolean is(String kindName) {
        return kind.name().equals(kindName);
    }
}
