package org.twinflow.followup;

import static org.twinflow.process.JsonVariables.json;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.proposal.ActionNotAwaitedException;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalMessages;
import org.twinflow.process.ProposalProcess;
import org.twinflow.call.CallService;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.ProcessTimingProperties;
import org.twinflow.timeline.TimelineActors;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

/** The follow-up of an approved partnership: signed agreement, progress reports, final report and evaluation. */
@Service
public class FollowUpService {

    private final ReportRepository reports;
    private final FollowUpRecords records;
    private final ProposalService proposals;
    private final ProposalMessages messages;
    private final TimelineService timeline;
    private final CallService calls;
    private final ProcessTimingProperties timings;
    private final Clock clock;

    FollowUpService(ReportRepository reports, FollowUpRecords records, ProposalService proposals, ProposalMessages messages,
            TimelineService timeline, CallService calls, ProcessTimingProperties timings, Clock clock) {
        this.reports = reports;
        this.records = records;
        this.proposals = proposals;
        this.messages = messages;
        this.timeline = timeline;
        this.calls = calls;
        this.timings = timings;
        this.clock = clock;
    }

    /** The signed agreement's deadline, file and verification and the final evaluation; empty before the follow-up began. */
    @Transactional(readOnly = true)
    public Optional<FollowUpRecord> recordOf(Long proposalId) {
        return records.find(proposalId);
    }

    /** Records the signed agreement's deadline: when it is requested, requested again, or extended. */
    @Transactional
    public void recordAgreementDue(Long proposalId, Instant due) {
        records.agreementDue(proposalId, due);
    }

    /** The secretariat gives the applicant more time for an overdue signed agreement. */
    @Transactional
    public void extendAgreementDeadline(Long proposalId, Instant due, String officer) {
        recordAgreementDue(proposalId, due);
        timeline.forApplicant(proposalId, officer, TimelineEvent.AGREEMENT_DEADLINE_EXTENDED, null);
    }

    /** The secretariat cancels a partnership whose signed agreement did not come; the reason is shown to the applicant. */
    @Transactional
    public void recordCancellationForMissingAgreement(Long proposalId, String reason, String officer) {
        timeline.forApplicant(proposalId, officer, TimelineEvent.STAFF_COMMENT, reason);
    }

    /** What the secretariat did about an overdue report (contacted the city, agreed a date); internal. */
    @Transactional
    public void recordOverdueReportFollowUp(Long proposalId, String note, String officer) {
        timeline.internal(proposalId, officer, TimelineEvent.OVERDUE_REPORT_FOLLOWED_UP, note);
    }

    /** The applicant uploaded the signed partnership agreement; the secretariat verifies it next. */
    @Transactional
    public void uploadAgreement(String reference, String fileName, String actor) {
        Long proposalId = proposals.byReference(reference).getId();
        Instant uploadedAt = clock.instant();
        records.agreementUploaded(proposalId, fileName, uploadedAt);
        timeline.forApplicant(proposalId, actor, TimelineEvent.AGREEMENT_UPLOADED, fileName);
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("fileName", fileName);
        agreement.put("uploadedAt", uploadedAt.toString());
        messages.deliver(reference, ProposalProcess.Messages.AGREEMENT_UPLOADED, Map.of(ProposalProcess.Vars.AGREEMENT, json(agreement)));
    }

    @Transactional
    public void recordAgreementVerification(Long proposalId, boolean verified, String note, String officer) {
        if (verified) {
            records.agreementVerified(proposalId, clock.instant());
            timeline.forApplicant(proposalId, officer, TimelineEvent.AGREEMENT_VERIFIED, null);
        } else {
            timeline.forApplicant(proposalId, officer, TimelineEvent.AGREEMENT_REJECTED, note);
        }
    }

    /** Plans the reports from the project's start date and duration, every reporting interval of its call; returns the report ids in order, final last. */
    @Transactional
    public List<Long> planReporting(Long proposalId) {
        Proposal proposal = proposals.byId(proposalId);
        ReportingSchedule schedule = new ReportingSchedule(calls.rulesOf(proposal.getCallId()).reportingInterval(), timings.reportSubmissionWindow());
        List<Long> ids = schedule.plan(proposal.getStartDate(), proposal.endDate()).stream()
                .map(p -> reports.save(new Report(proposalId, p.kind(), p.number(), p.start(), p.end(), p.due())).getId())
                .toList();
        timeline.forApplicant(proposalId, TimelineActors.SYSTEM, TimelineEvent.REPORTING_PLANNED, (ids.size() - 1) + " progress reports and a final report");
        return ids;
    }

    /**
     * The applicant submits the report the process is waiting for.
     *
     * @throws ActionNotAwaitedException when no report is requested now (not yet due, or already submitted)
     */
    @Transactional
    public Report submitReport(String reference, ReportSubmission submission, String actor) {
        Proposal proposal = proposals.byReference(reference);
        Report report = reportsOf(proposal.getId()).stream()
                .filter(r -> r.isAwaitingSubmission() && !r.getPeriodEnd().isAfter(clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                .findFirst()
                .orElseThrow(() -> new ActionNotAwaitedException(reference, "a report"));
        report.submit(submission, clock.instant());
        Report saved = reports.save(report);
        timeline.forApplicant(proposal.getId(), actor, TimelineEvent.REPORT_SUBMITTED, saved.getKind() + " " + saved.getPeriodNumber());
        messages.deliver(reference, ProposalProcess.Messages.REPORT_SUBMITTED, Map.of(ProposalProcess.Vars.REPORT, json(asVariable(saved))));
        return saved;
    }

    @Transactional
    public void reviewReport(Long reportId, boolean accepted, String note, String officer) {
        Report report = report(reportId);
        report.review(accepted, note, clock.instant());
        reports.save(report);
        timeline.forApplicant(report.getProposalId(), officer,
                accepted ? TimelineEvent.REPORT_ACCEPTED : TimelineEvent.REPORT_CHANGES_REQUESTED,
                accepted ? report.getKind() + " " + report.getPeriodNumber() : note);
    }

    @Transactional
    public void evaluateFinalReport(Long reportId, boolean accepted, Integer rating, String summary, String officer) {
        reviewReport(reportId, accepted, summary, officer);
        if (accepted) {
            Long proposalId = report(reportId).getProposalId();
            records.evaluation(proposalId, rating, summary);
            timeline.forApplicant(proposalId, officer, TimelineEvent.FINAL_EVALUATION, "rating " + rating + "/5");
        }
    }

    public Report report(Long reportId) {
        return reports.findById(reportId).orElseThrow(() -> new IllegalArgumentException("No report with id " + reportId));
    }

    public List<Report> reportsOf(Long proposalId) {
        return reports.findByProposalIdOrderByKindDescPeriodNumberAsc(proposalId);
    }

    /** The {@code report} variable that the report review forms show. */
    static Map<String, Object> asVariable(Report report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", report.getKind().name());
        map.put("periodNumber", report.getPeriodNumber());
        map.put("dueDate", report.getDueDate().toString());
        map.put("submittedAt", report.getSubmittedAt() == null ? null : report.getSubmittedAt().toString());
        map.put("narrative", report.getNarrative());
        map.put("activitiesDone", report.getActivitiesDone());
        map.put("participantsWomen", report.getParticipantsWomen());
        map.put("participantsMen", report.getParticipantsMen());
        map.put("participantsOther", report.getParticipantsOther());
        map.put("indicatorValues", report.getIndicatorValues().stream().map(v -> Map.of(
                "indicator", v.indicator(), "target", v.target() == null ? "" : v.target(), "achieved", v.achieved())).toList());
        return map;
    }
}
