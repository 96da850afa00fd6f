package org.twinflow.tasklist;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.ProposalProcess;
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
        Object snapshot = task.getVariable(ProposalProcess.Vars.PROPOSAL);
        if (snapshot instanceof Map<?, ?> proposal && proposal.get("reference") != null) {
            String reference = proposal.get("reference").toString();
            if (task.getName() != null && !task.getName().contains(reference)) {
                task.setName(engineText.fit(task.getName() + " " + reference + " · " + proposal.get("title"), 255));
            }
        }
        if (task.getDueDate() != null && task.getFollowUpDate() == null) {
            Instant followUp = task.getDueDate().toInstant().minus(properties.followUpBeforeDue());
            Instant now = clock.instant();
            task.setFollowUpDate(Date.from(followUp.isAfter(now) ? followUp : now));
        }
    }
}
