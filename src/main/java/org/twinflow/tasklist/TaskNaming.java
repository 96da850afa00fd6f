package org.twinflow.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.ProposalProcess;

/**
 * Names every new staff task after its proposal ("Score proposal TW-2026-0007 · Bus rapid transit
 * exchange Surabaya–Kitakyushu") and gives it a follow-up date before its due date, once for all
 * user tasks through Camunda's Spring task events rather than a listener on each BPMN element.
 */
@Component
class TaskNaming {

    /** The task name columns' size ({@code NAME_ varchar(255)} in ACT_RU_TASK and ACT_HI_TASKINST). */
    static final int NAME_MAX = 255;

    private final TasklistProperties properties;
    private final Clock clock;

    TaskNaming(TasklistProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onCreate(DelegateTask task) {
        // The plain string variables, not the proposal snapshot: reading an object variable deserialises it, and
        // the engine writes it back whenever its serialised form differs, which cost three statements per task.
        Object reference = task.getVariable(ProposalProcess.Vars.PROPOSAL_REFERENCE);
        Object title = task.getVariable(ProposalProcess.Vars.PROPOSAL_TITLE);
        if (reference != null && task.getName() != null && !task.getName().contains(reference.toString())) {
            task.setName(shortened(task.getName() + " " + reference + " · " + title, NAME_MAX));
        }
        if (task.getDueDate() != null && task.getFollowUpDate() == null) {
            Instant followUp = task.getDueDate().toInstant().minus(properties.followUpBeforeDue());
            Instant now = clock.instant();
            task.setFollowUpDate(Date.from(followUp.isAfter(now) ? followUp : now));
        }
    }

    /**
     * The text cut to {@code maxLength} UTF-16 units with an ellipsis. Counted in Java's units, not characters, because H2
     * counts a column's length so (MySQL counts characters, which is never more); never inside a surrogate pair.
     */
    static String shortened(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return text;
        }
        int end = maxLength - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
