package org.twinflow.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Deadlines, reminders and cycles of the proposal and follow-up processes ({@code twinflow.process.*}).
 * The BPMN reads them through the {@code processDurations} bean, never as literals. How many reviewers a proposal needs and
 * how often a partnership reports are its call's (CallRules).
 */
@Validated
@ConfigurationProperties("twinflow.process")
public record ProcessTimingProperties(
        @NotNull Duration screeningDue,
        @NotNull Duration clarificationDeadline,
        @NotNull Duration clarificationReminderBefore,
        @NotNull Duration revisionDeadline,
        @NotNull Duration reviewDeadline,
        @NotNull Duration reviewReminderBefore,
        @NotNull Duration reviewEscalationAfter,
        @NotNull Duration decisionDue,
        @NotNull Duration agreementDeadline,
        @NotNull Duration agreementReminderBefore,
        @NotNull Duration staffTaskDue,
        @NotNull Duration reportSubmissionWindow,
        @NotNull Duration reportReminderInterval,
        @NotNull Duration reportEscalationAfter) {

    public ProcessTimingProperties {
        if (!clarificationReminderBefore.minus(clarificationDeadline).isNegative()) {
            throw new IllegalArgumentException("twinflow.process.clarification-reminder-before (" + clarificationReminderBefore
                    + ") must be shorter than twinflow.process.clarification-deadline (" + clarificationDeadline + ")");
        }
        if (!reviewReminderBefore.minus(reviewDeadline).isNegative()) {
            throw new IllegalArgumentException("twinflow.process.review-reminder-before (" + reviewReminderBefore
                    + ") must be shorter than twinflow.process.review-deadline (" + reviewDeadline + ")");
        }
        if (!agreementReminderBefore.minus(agreementDeadline).isNegative()) {
            throw new IllegalArgumentException("twinflow.process.agreement-reminder-before (" + agreementReminderBefore
                    + ") must be shorter than twinflow.process.agreement-deadline (" + agreementDeadline + ")");
        }
    }
}
