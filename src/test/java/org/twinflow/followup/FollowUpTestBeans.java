package org.twinflow.followup;

import java.time.LocalDate;

import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.test.util.ReflectionTestUtils;
import org.twinflow.system.ProcessDurations;

/** Registers the follow-up package's process beans, over the given (mocked) service, for process tests. */
public final class FollowUpTestBeans {

    private FollowUpTestBeans() {
    }

    public static void register(FollowUpService followUp, ProcessDurations durations) {
        Mocks.register("planReportingDelegate", new PlanReportingDelegate(followUp));
        Mocks.register("prepareReportDelegate", new PrepareReportDelegate(followUp));
        Mocks.register("agreementVerificationTaskListener", new AgreementVerificationTaskListener(followUp));
        Mocks.register("progressReportReviewTaskListener", new ProgressReportReviewTaskListener(followUp));
        Mocks.register("finalReportEvaluationTaskListener", new FinalReportEvaluationTaskListener(followUp));
        Mocks.register("agreementDeadlines", new AgreementDeadlines(followUp, durations));
        Mocks.register("overdueAgreementTaskListener", new OverdueAgreementTaskListener(followUp, durations));
        Mocks.register("overdueReportTaskListener", new OverdueReportTaskListener(followUp));
    }

    /** A planned report as the repository would return it. */
    public static Report plannedReport(long id, ReportKind kind, int number, LocalDate start, LocalDate end, LocalDate due) {
        Report report = new Report(1L, kind, number, start, end, due);
        ReflectionTestUtils.setField(report, "id", id);
        return report;
    }
}
