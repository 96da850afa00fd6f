package org.twinflow.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinflow.web.PortalClient.FormPage;

/**
 * One proposal at a time along the real path, each step alone on a quiet application and counted from its request
 * until its jobs are done: the form page, the submission (until the process waits at screening, its receipt notice
 * included), the proposal's page, then the staff's completions of screening, reviewer assignment, both reviewers'
 * declaration and scores, and the committee's rejection (with its notice), after which the proposal is finished and
 * its history is measured. The first submission's writes are kept for the raw-JDBC baseline.
 */
final class CostPerOperation {

    private static final Duration WAIT = Duration.ofMinutes(2);

    final OperationCost formPage = new OperationCost("form page (GET /proposals/new)");
    final OperationCost submission = new OperationCost("submission (POST, until waiting at screening)");
    final OperationCost proposalPage = new OperationCost("proposal page after the redirect");
    final OperationCost screening = new OperationCost("complete screening");
    final OperationCost assignment = new OperationCost("complete reviewer assignment");
    final OperationCost conflict = new OperationCost("complete conflict declaration");
    final OperationCost scoring = new OperationCost("complete scoring");
    final OperationCost decision = new OperationCost("complete decision (reject)");

    private final TwinflowUnderTest app;
    private final PortalSubmissions submissions;
    private final StaffTasks staff;
    private final BenchPeople people;
    private final ProcessWatch watch;
    private List<SqlStatementCounter.CapturedWrite> submissionWrites = List.of();
    private String capturedReference;
    private final List<String> finishedInstances = new ArrayList<>();

    CostPerOperation(TwinflowUnderTest app, PortalSubmissions submissions, StaffTasks staff, BenchPeople people, ProcessWatch watch) {
        this.app = app;
        this.submissions = submissions;
        this.staff = staff;
        this.people = people;
        this.watch = watch;
    }

    List<OperationCost> all() {
        return List.of(formPage, submission, proposalPage, screening, assignment, conflict, scoring, decision);
    }

    void run(int samples) {
        String officer = people.secretariat.get(0);
        String member = people.committee.get(0);
        List<String> reviewers = people.reviewerPair(0);
        for (int sample = 0; sample < samples; sample++) {
            watch.awaitJobsDone(WAIT);
            FormPage[] form = new FormPage[1];
            formPage.measure(app, watch, () -> form[0] = submissions.openForm(0));
            String[] reference = new String[1];
            boolean capture = sample == 0;
            if (capture) {
                app.statements().startCapture();
            }
            submission.measure(app, watch, () -> {
                reference[0] = submissions.post(0, form[0]);
                watch.awaitAtScreening(List.of(reference[0]), WAIT);
            });
            if (capture) {
                submissionWrites = app.statements().stopCapture();
                capturedReference = reference[0];
            }
            String ref = reference[0];
            proposalPage.measure(app, watch, () -> submissions.showProposal(0, ref));
            complete(screening, staff.screening(ref, officer));
            complete(assignment, staff.reviewerAssignment(ref, officer, reviewers));
            for (String reviewer : reviewers) {
                complete(conflict, staff.noConflict(ref, reviewer));
            }
            for (String reviewer : reviewers) {
                complete(scoring, staff.scores(ref, reviewer));
            }
            complete(decision, staff.rejection(ref, member));
            String instance = watch.first("SELECT ID_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? AND SUPER_PROCESS_INSTANCE_ID_ IS NULL "
                    + "AND END_TIME_ IS NOT NULL", ref);
            if (instance == null) {
                throw new AssertionError(ref + " did not finish after its rejection");
            }
            finishedInstances.add(instance);
        }
    }

    private void complete(OperationCost cost, StaffTasks.Completion completion) {
        cost.measure(app, watch, () -> {
            staff.complete(completion);
            watch.awaitJobsDone(WAIT);
        });
    }

    List<SqlStatementCounter.CapturedWrite> submissionWrites() {
        return submissionWrites;
    }

    String capturedReference() {
        return capturedReference;
    }

    Map<String, Object> historyPerFinishedProposal(String schema) throws SQLException {
        return HistorySize.perProposal(watch.connection(), schema, finishedInstances);
    }

    Map<String, Object> results() {
        Map<String, Object> results = new LinkedHashMap<>();
        for (OperationCost cost : all()) {
            results.put(cost.name(), cost.summary());
        }
        return results;
    }
}
