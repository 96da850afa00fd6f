package org.twinflow.followup;

import static org.twinflow.process.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/** {@code Task_FollowUpOverdue…Report}: records what the secretariat did about an overdue report (internal). */
@Component
class OverdueReportTaskListener implements TaskListener {

    private final FollowUpService followUp;

    OverdueReportTaskListener(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateTask task) {
        followUp.recordOverdueReportFollowUp((Long) task.getVariable(PROPOSAL_ID), TaskInput.requiredText(task, OVERDUE_REPORT_NOTE),
                TaskInput.actor(task));
    }
}
