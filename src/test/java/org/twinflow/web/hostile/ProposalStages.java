package org.twinflow.web.hostile;

import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentService;
import org.twinflow.followup.FollowUpService;
import org.twinflow.followup.Report;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ExpectedResult;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * A city's proposal brought to where the portal waits for the city (a clarification, a revision, a report), by the
 * staff's work done through the engine as Tasklist does it; the job executor is off, so the jobs are run here.
 */
final class ProposalStages {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final ProposalService proposals;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;
    private final DocumentService documents;
    private final FollowUpService followUp;
    private final Clock clock;

    ProposalStages(ProposalService proposals, TaskService tasks, RuntimeService runtime, ManagementService management,
            IdentityService identity, DocumentService documents, FollowUpService followUp, Clock clock) {
        this.proposals = proposals;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
        this.documents = documents;
        this.followUp = followUp;
        this.clock = clock;
    }

    /** A complete proposal of the city with this many expected results, submitted and waiting for screening. */
    Proposal submitted(Long cityId, String officer, int expectedResults) {
        ProposalDraft fixture = ProposalFixtures.semarangToyamaMobility(cityId, LocalDate.now(clock));
        List<ExpectedResult> results = IntStream.rangeClosed(1, expectedResults)
                .mapToObj(i -> new ExpectedResult("Result " + i, "Indicator " + i, "Target " + i)).toList();
        ProposalDraft draft = new ProposalDraft(fixture.callId(), fixture.leadCityId(), fixture.partnershipType(), fixture.thematicArea(),
                fixture.title(), fixture.summary(), fixture.objectives(), fixture.activities(), fixture.startDate(),
                fixture.durationMonths(), fixture.totalBudget(), fixture.requestedAmount(), fixture.coFinancing(), fixture.currency(),
                fixture.partners(), fixture.sdgs(), results);
        Proposal proposal = proposals.submitNew(draft, officer);
        Jobs.runAsync(management);
        return proposals.byReference(proposal.getReference());
    }

    /** The secretariat asks the city a question: the portal waits for the answer. */
    void askForClarification(Proposal proposal) {
        complete(proposal, TASK_SCREEN_PROPOSAL, Map.of(SCREENING_OUTCOME, "needs_clarification",
                CLARIFICATION_QUESTION, "Which departments take part?"));
    }

    /** Screened, reviewed by two reviewers and returned for revision by the committee. */
    void returnForRevision(Proposal proposal) {
        reviewAndDecide(proposal, Map.of(DECISION, "return_for_revision", DECISION_FEEDBACK, "Name the departments of each city."));
    }

    /** Screened, reviewed and approved: the signed agreement is awaited. */
    void approve(Proposal proposal) {
        reviewAndDecide(proposal, Map.of(DECISION, "approve", DECISION_FEEDBACK, "Approved."));
    }

    /** The secretariat finds the uploaded agreement wanting: it is awaited again. */
    void rejectAgreement(Proposal proposal) {
        complete(proposal, TASK_VERIFY_AGREEMENT, Map.of(AGREEMENT_VERIFICATION, "rejected", AGREEMENT_NOTE, "Not signed by both mayors."));
    }

    /** Approved, its agreement verified, and the engine's clock past the first reporting period: report 1 is awaited. */
    Report waitingForFirstReport(Proposal proposal, String officer) {
        approve(proposal);
        documents.store(proposal.getId(), DocumentKind.SIGNED_AGREEMENT, "agreement.pdf", PDF, officer);
        followUp.uploadAgreement(proposal.getReference(), "agreement.pdf", officer);
        Jobs.runAsync(management);
        complete(proposal, TASK_VERIFY_AGREEMENT, Map.of(AGREEMENT_VERIFICATION, "verified"));
        Report first = followUp.reportsOf(proposal.getId()).get(0);
        ClockUtil.setCurrentTime(Date.from(first.getPeriodEnd().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()));
        String followUpInstance = runtime.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                .processInstanceBusinessKey(proposal.getReference()).singleResult().getId();
        management.createJobQuery().processInstanceId(followUpInstance).activityId(EVENT_REPORTING_PERIOD_ENDED).timers().list()
                .forEach(job -> management.executeJob(job.getId()));
        Jobs.runAsync(management);
        return first;
    }

    /** The secretariat asks for changes to the submitted report: the portal waits for it again. */
    void requestChangesToReport(Proposal proposal) {
        complete(proposal, TASK_REVIEW_PROGRESS_REPORT, Map.of(REPORT_REVIEW, "request_changes", REPORT_FEEDBACK, "Add the figures."));
    }

    private void reviewAndDecide(Proposal proposal, Map<String, Object> decision) {
        complete(proposal, TASK_SCREEN_PROPOSAL, Map.of(SCREENING_OUTCOME, "complete"));
        List<String> reviewers = List.of(reviewer(), reviewer());
        complete(proposal, TASK_ASSIGN_REVIEWERS, Map.of(REVIEWERS, reviewers));
        for (String reviewer : reviewers) {
            completeAssigned(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, reviewer, Map.of(CONFLICT_OF_INTEREST, "none"));
            completeAssigned(proposal, TASK_SCORE_PROPOSAL, reviewer, ProposalFixtures.scores(4, "Sound plan."));
        }
        complete(proposal, TASK_DECIDE_ON_PROPOSAL, decision);
    }

    private String reviewer() {
        String id = "hostilereviewer" + UUID.randomUUID().toString().substring(0, 8);
        return TestUsers.ensure(identity, id, "Test", "Reviewer", id + "@reviewers.example", "pw-" + UUID.randomUUID(),
                StaffGroups.REVIEWERS);
    }

    private void complete(Proposal proposal, String taskKey, Map<String, Object> variables) {
        completeAssigned(proposal, taskKey, null, variables);
    }

    private void completeAssigned(Proposal proposal, String taskKey, String assignee, Map<String, Object> variables) {
        Jobs.runAsync(management);
        var query = tasks.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskDefinitionKey(taskKey);
        List<Task> found = (assignee == null ? query : query.taskAssignee(assignee)).list();
        if (found.size() != 1) {
            throw new AssertionError("Expected one task " + taskKey + " of " + proposal.getReference() + ", found " + found.size());
        }
        tasks.complete(found.get(0).getId(), variables);
        Jobs.runAsync(management);
    }
}
