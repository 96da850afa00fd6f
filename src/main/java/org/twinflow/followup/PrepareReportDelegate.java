package org.twinflow.followup;

import static org.twinflow.process.ProposalProcess.Vars.*;
import static org.twinflow.process.JsonVariables.json;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_PrepareProgressReport}, {@code Task_PrepareFinalReport}: publishes the dates of the report
 * {@code reportId} for the timers ({@code reportPeriodEnd}, {@code reportDueDate}) and the report for the forms.
 */
@Component
class PrepareReportDelegate implements JavaDelegate {

    static final String REPORT_PERIOD_END = "reportPeriodEnd";

    private final FollowUpService followUp;

    PrepareReportDelegate(FollowUpService followUp) {
        this.followUp = followUp;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Report report = followUp.report(((Number) execution.getVariable(REPORT_ID)).longValue());
        execution.getProcessInstance().setVariable(REPORT_PERIOD_END, startOfDay(report.getPeriodEnd()));
        execution.getProcessInstance().setVariable(REPORT_DUE_DATE, startOfDay(report.getDueDate()));
        execution.getProcessInstance().setVariable(REPORT, json(FollowUpService.asVariable(report)));
    }

    private static Date startOfDay(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
