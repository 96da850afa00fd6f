package org.twinflow.followup;

import static org.twinflow.process.ProposalProcess.Vars.*;
import static org.twinflow.process.JsonVariables.json;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code Task_PlanReporting}: plans the reports and hands the progress reports to the reporting loop. */
@Component
class PlanReportingDelegate implements JavaDelegate {

    private final FollowUpService followUp;

    PlanReportingDelegate(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<Long> ids = followUp.planReporting((Long) execution.getVariable(PROPOSAL_ID));
        execution.setVariable(PROGRESS_REPORT_IDS, json(new ArrayList<>(ids.subList(0, ids.size() - 1))));
        execution.setVariable(FINAL_REPORT_ID, ids.get(ids.size() - 1));
    }
}
