package org.twinflow.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The process timings as the BPMN needs them: ISO-8601 durations for timers and due dates computed
 * from the engine clock (so that tests can move time). Used as {@code ${processDurations.…}}.
 */
@Component("processDurations")
public class ProcessDurations {

    private final ProcessTimingProperties timings;

    public ProcessDurations(ProcessTimingProperties timings) {
        this.timings = timings;
    }

    /** A clarification's deadline when it is requested: the configured period from now. */
    public Date clarificationDueFromNow() {
        return dueIn(timings.clarificationDeadline());
    }

    /** When to remind an applicant of a clarification due on {@code due}. */
    public Date clarificationReminderAt(Date due) {
        return reminderBefore(due, timings.clarificationReminderBefore());
    }

    /** A revision's deadline when it is requested: the configured period from now. */
    public Date revisionDueFromNow() {
        return dueIn(timings.revisionDeadline());
    }

    /** A review's deadline when scoring starts: the configured review period from now. */
    public Date reviewDueFromNow() {
        return dueIn(timings.reviewDeadline());
    }

    /** A deadline the secretariat extended by {@code days} from now (an overdue review or agreement). */
    public Date dueInDays(int days) {
        return dueIn(Duration.ofDays(days));
    }

    /** When to remind a reviewer of a review due on {@code due}. */
    public Date reviewReminderAt(Date due) {
        return reminderBefore(due, timings.reviewReminderBefore());
    }

    /** When an overdue review goes to the secretariat. */
    public Date reviewEscalationAt(Date due) {
        return Date.from(due.toInstant().plus(timings.reviewEscalationAfter()));
    }

    /** The signed agreement's deadline when it is requested (again): the configured period from now. */
    public Date agreementDueFromNow() {
        return dueIn(timings.agreementDeadline());
    }

    /** When to remind an applicant of an agreement due on {@code due}. */
    public Date agreementReminderAt(Date due) {
        return reminderBefore(due, timings.agreementReminderBefore());
    }

    public String getReportSubmissionWindow() {
        return timings.reportSubmissionWindow().toString();
    }

    /**
     * When to remind an applicant of a report due on {@code due}: on the due date,
     * or one reminder interval from now when the due date has already passed (a report sent back for changes).
     */
    public Date reportReminderAt(Date due) {
        Date now = ClockUtil.getCurrentTime();
        return due.after(now) ? due : dueIn(timings.reportReminderInterval());
    }

    /** When an overdue report goes to the secretariat: the escalation period after the overdue reminder. */
    public Date reportEscalationAt(Date due) {
        return Date.from(reportReminderAt(due).toInstant().plus(timings.reportEscalationAfter()));
    }

    public Date screeningDue() {
        return dueIn(timings.screeningDue());
    }

    public Date decisionDue() {
        return dueIn(timings.decisionDue());
    }

    public Date staffTaskDue() {
        return dueIn(timings.staffTaskDue());
    }

    // --- used by version 1.0 of the processes only ----------------------------------------------------
    // Instances started before the deadlines became variables (1.1) still evaluate these expressions;
    // remove them once no such instance is running (Cockpit: definition version 1.0, running instances 0).

    /** Version 1.0: {@code ${processDurations.reviewDue()}}. */
    @Deprecated
    public Date reviewDue() {
        return dueIn(timings.reviewDeadline());
    }

    /** Version 1.0: {@code ${processDurations.reviewDeadline}}. */
    @Deprecated
    public String getReviewDeadline() {
        return timings.reviewDeadline().toString();
    }

    /** Version 1.0: {@code ${processDurations.reviewReminder}}. */
    @Deprecated
    public String getReviewReminder() {
        return timings.reviewDeadline().minus(timings.reviewReminderBefore()).toString();
    }

    /** Version 1.0: {@code ${processDurations.agreementDeadline}}. */
    @Deprecated
    public String getAgreementDeadline() {
        return timings.agreementDeadline().toString();
    }

    // --- used by versions up to 1.3 of the proposal process only ---------------------------------------
    // Their clarification and revision timers counted from the timer's start; 1.4 reads the due dates stored by
    // the stage. Remove once no instance of 1.3 or earlier waits for a clarification or a revision.

    /** Version 1.3 and earlier: {@code ${processDurations.clarificationDeadline}}. */
    @Deprecated
    public String getClarificationDeadline() {
        return timings.clarificationDeadline().toString();
    }

    /** Version 1.3 and earlier: {@code ${processDurations.clarificationReminder}}. */
    @Deprecated
    public String getClarificationReminder() {
        return timings.clarificationDeadline().minus(timings.clarificationReminderBefore()).toString();
    }

    /** Version 1.3 and earlier: {@code ${processDurations.revisionDeadline}}. */
    @Deprecated
    public String getRevisionDeadline() {
        return timings.revisionDeadline().toString();
    }

    /**
     * {@code before} ahead of the deadline; when that moment has passed already (a deadline extended by
     * fewer days than {@code before}), halfway between now and the deadline.
     */
    private static Date reminderBefore(Date due, Duration before) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant reminder = due.toInstant().minus(before);
        if (reminder.isAfter(now)) {
            return Date.from(reminder);
        }
        return Date.from(now.plus(Duration.between(now, due.toInstant()).dividedBy(2)));
    }

    private static Date dueIn(Duration duration) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration));
    }
}
