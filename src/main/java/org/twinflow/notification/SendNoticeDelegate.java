package org.twinflow.notification;

import static org.twinflow.proposal.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every "Notify …" / "Remind …" service task of both processes: sends the notice named by the task's
 * input parameter {@code notice}. The tasks are asynchronous, so a failing delivery becomes a retry and
 * then an incident, never a rolled-back staff decision.
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
