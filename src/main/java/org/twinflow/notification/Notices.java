package org.twinflow.notification;

import static org.twinflow.process.ProposalProcess.Vars.PROPOSAL_ID;
import static org.twinflow.process.ProposalProcess.Vars.REVIEWER;

import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every "Notify …" / "Remind …" service task of both processes names its notice in its delegate
 * expression: {@code camunda:delegateExpression="${notices.of('PROPOSAL_RECEIVED')}"}. Naming it there,
 * rather than in an input variable, stores nothing for it; and a delegate (not a method expression) lets
 * a failed delivery reach Cockpit's incident as its own one-line message. The tasks are asynchronous, so
 * a failing delivery becomes a retry and then an incident, never a rolled-back staff decision.
 */
@Component("notices")
public class Notices {

    private final Map<Notice, JavaDelegate> delegates = new EnumMap<>(Notice.class);

    Notices(NotificationService notifications) {
        for (Notice notice : Notice.values()) {
            delegates.put(notice, execution -> notifications.send((Long) execution.getVariable(PROPOSAL_ID), notice,
                    (String) execution.getVariable(REVIEWER)));
        }
    }

    /** The delegate that sends this notice about the execution's proposal (to its reviewer, for a reviewer's notice). */
    public JavaDelegate of(String notice) {
        return delegates.get(Notice.valueOf(notice));
    }
}
