package org.twinflow.notification;

import static org.twinflow.process.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The notice tasks of instances started before versions 1.3 (proposal) and 1.2 (follow-up): sends the
 * notice named by the task's input parameter {@code notice}. Newer versions use {@link Notices}; this
 * stays for the instances still running the older versions.
 */
@Component
class SendNoticeDelegate implements JavaDelegate {

    private final NotificationService notifications;

    SendNoticeDelegate(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Notice notice = Notice.valueOf((String) execution.getVariableLocal(NOTICE));
        notifications.send((Long) execution.getVariable(PROPOSAL_ID), notice, (String) execution.getVariable(REVIEWER));
    }
}
