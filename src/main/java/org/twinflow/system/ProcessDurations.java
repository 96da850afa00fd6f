package org.twinflow.system;

import java.time.Duration;
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

    public String getClarificationDeadline() {
        return timings.clarificationDeadline().toString();
    }

    public String getClarificationReminder() {
        return timings.clarificationDeadline().minus(timings.clarificationReminderBefore()).toString();
    }

    public String getRevisionDeadline() {
        return timings.revisionDeadline().toString();
    }

    public String getReviewDeadline() {
        return timings.reviewDeadline().toString();
    }

    public String getReviewReminder() {
        return timings.reviewDeadline().minus(timings.reviewReminderBefore()).toString();
    }

    public String getAgreementDeadline() {
        return timings.agreementDeadline().toString();
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

    public int getMinReviewers() {
        return timings.minReviewers();
    }

    public Date screeningDue() {
        return dueIn(timings.screeningDue());
    }

    public Date reviewDue() {
        return dueIn(timings.reviewDeadline());
    }

    public Date decisionDue() {
        return dueIn(timings.decisionDue());
    }

    public Date staffTaskDue() {
        return dueIn(timings.staffTaskDue());
    }

    public Duration clarificationDeadlineDuration() {
        return timings.clarificationDeadline();
    }

    private static Date dueIn(Duration duration) {
        return Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration));
    }
}
