package org.twinflow.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.ProposalProcess;
import org.twinflow.system.EngineText;

/**
 * Names every new staff task after its proposal ("Score proposal TW-2026-0007 · Bus rapid transit
 * exchange Surabaya–Kitakyushu") and gives it a follow-up date before its due date, once for all
 * user tasks through Camunda's Spring task events rather than a listener on each BPMN element.
 */
@Component
class TaskNaming {

    private final TasklistProperties properties;
    private final Clock clock;
    private final EngineText engineText;

    TaskNaming(TasklistProperties properties, Clock clock, EngineText engineText) {
        this.properties = properties;
        this.clock = clock;
        this.engineText = engineText;
    }

    @EventListener(condition = "#task.eventName == 'create'")
    public void onCreate(DelegateTask task) {
        // The plain string variables, not the proposal snapshot: reading an object variable deserialises it, and
        // the engine writes it back whenever its serialised form differs, which cost three statements per task.
        Object reference = task.getVariable(ProposalProcess.Vars.PROPOSAL_REFERENCE);
        Object title = task.getVariable(ProposalProcess.Vars.PROPOSAL_TITLE);
        if (reference != null && task.getName() != null && !task.getName().contains(reference.toString())) {
            task.setName(engineText.fit(task.getName() + " " + reference + " · " + title, 255));
        }
        if (task.getDueDate() != null && task.getFollowUpDate() == null) {
            Instant followUp = task.getDueDate().toInstant().minus(properties.followUpBeforeDue());
            Instant now = clock.instant();
            task.setFollowUpDate(Date.from(followUp.isAfter(now) ? followUp : now));
        }
    }
}
