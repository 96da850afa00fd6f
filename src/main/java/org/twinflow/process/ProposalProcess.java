package org.twinflow.process;

/**
 * Names shared between the BPMN files in {@code processes/}, the Camunda Forms in {@code forms/} and
 * the Java code: process keys, messages, variables and the element ids that code and tests refer to.
 */
public final class ProposalProcess {

    public static final String PROCESS_KEY = "partnership-proposal";
    public static final String FOLLOW_UP_PROCESS_KEY = "partnership-follow-up";
    public static final String ELIGIBILITY_DECISION_KEY = "proposalEligibility";
    /** The longest extension of a missed deadline the overdue forms allow (their {@code validate.max}). */
    public static final int MAX_EXTENSION_DAYS = 90;

    private ProposalProcess() {
    }

    /** Messages the applicant's actions send, correlated by business key (= proposal reference). */
    public static final class Messages {
        public static final String CLARIFICATION_PROVIDED = "ClarificationProvided";
        public static final String REVISION_SUBMITTED = "RevisionSubmitted";
        public static final String AGREEMENT_UPLOADED = "AgreementUploaded";
        public static final String REPORT_SUBMITTED = "ReportSubmitted";
        /** The call's funding decision for this proposal (competitive calls): carries {@code decision}; the rest is in proposal_decision. */
        public static final String FUNDING_DECIDED = "FundingDecided";

        private Messages() {
        }
    }

    /** Process variables. Free text lives in the domain tables; variables carry ids, routing facts and display snapshots. */
    public static final class Vars {
        public static final String PROPOSAL_ID = "proposalId";
        /** The proposal's call (its business key) and mode, {@code COMPETITIVE} or {@code ROLLING}. */
        public static final String CALL_REFERENCE = "callReference";
        public static final String CALL_MODE = "callMode";
        /** JSON snapshot of the proposal's essentials that every staff form displays. */
        public static final String PROPOSAL = "proposal";
        /** Tasklist columns and task names: plain strings. */
        public static final String PROPOSAL_REFERENCE = "proposalReference";
        public static final String PROPOSAL_TITLE = "proposalTitle";
        public static final String LEAD_CITY = "leadCity";
        public static final String APPLICANT_TYPE = "applicantType";
        public static final String LEAD_COUNTRY = "leadCountry";
        public static final String PROPOSAL_SDGS = "proposalSdgs";
        public static final String CALL_THEMATIC_AREAS = "callThematicAreas";
        public static final String CALL_LEAD_COUNTRIES = "callLeadCountries";
        public static final String CALL_SDGS = "callSdgs";
        public static final String FOREIGN_PARTNER_COUNT = "foreignPartnerCount";
        public static final String THEMATIC_AREA = "thematicArea";
        public static final String SDG_COUNT = "sdgCount";
        public static final String DURATION_MONTHS = "durationMonths";
        public static final String REQUESTED_AMOUNT = "requestedAmount";
        public static final String FUNDING_SHARE = "fundingShare";
        public static final String CALL_MIN_DURATION_MONTHS = "callMinDurationMonths";
        public static final String CALL_MAX_DURATION_MONTHS = "callMaxDurationMonths";
        public static final String CALL_MAX_REQUESTED_AMOUNT = "callMaxRequestedAmount";
        public static final String CALL_MAX_FUNDING_SHARE = "callMaxFundingShare";
        public static final String ELIGIBILITY_REASONS = "eligibilityReasons";

        public static final String SCREENING_OUTCOME = "screeningOutcome";
        public static final String CLARIFICATION_QUESTION = "clarificationQuestion";
        /** The open clarification's deadline (a Date), stored with the question: the wait's timers. */
        public static final String CLARIFICATION_DUE_AT = "clarificationDueAt";
        /** The revised proposal's deadline (a Date), stored with the proposal: the wait's timer. */
        public static final String REVISION_DUE_AT = "revisionDueAt";
        public static final String SCREENING_NOTE = "screeningNote";
        public static final String CLARIFICATION = "clarification";

        public static final String REVIEWER_OPTIONS = "reviewerOptions";
        public static final String MIN_REVIEWERS = "minReviewers";
        public static final String REVIEWERS = "reviewers";
        public static final String REVIEWER = "reviewer";
        public static final String CONFLICT_OF_INTEREST = "conflictOfInterest";
        public static final String CONFLICT_DESCRIPTION = "conflictDescription";
        public static final String REPLACEMENT_OPTIONS = "replacementOptions";
        public static final String REPLACEMENT_REVIEWER = "replacementReviewer";
        /** How a review whose reviewer declared a conflict goes on: {@code replace}, {@code look_again}, {@code continue}. */
        public static final String REPLACEMENT_OUTCOME = "replacementOutcome";
        /** Reviews of the proposal under way or submitted, for the replacement form (task-local). */
        public static final String ACTIVE_REVIEW_COUNT = "activeReviewCount";
        public static final String SCORE_RELEVANCE = "scoreRelevance";
        public static final String SCORE_SDG_CONTRIBUTION = "scoreSdgContribution";
        public static final String SCORE_FEASIBILITY = "scoreFeasibility";
        public static final String SCORE_PARTNERSHIP_QUALITY = "scorePartnershipQuality";
        public static final String SCORE_SUSTAINABILITY = "scoreSustainability";
        public static final String REVIEW_COMMENT = "reviewComment";
        public static final String RECOMMENDATION = "recommendation";
        public static final String REVIEW_SCORES = "reviewScores";
        /** Submitted reviews when the review ended; none sends the proposal back to reviewer assignment. */
        public static final String SUBMITTED_REVIEW_COUNT = "submittedReviewCount";
        /** The review's deadline (a Date, local to the reviewer's branch): the task's due date and its timers. */
        public static final String REVIEW_DUE_AT = "reviewDueAt";
        /** The deadline as text for the overdue-review form. */
        public static final String REVIEW_DUE_DATE = "reviewDueDate";
        public static final String OVERDUE_REVIEW_ACTION = "overdueReviewAction";
        public static final String EXTENSION_DAYS = "extensionDays";
        public static final String NEW_REVIEWER = "newReviewer";
        /** The reviewer an overdue review was taken from, told so by mail. */
        public static final String FORMER_REVIEWER = "formerReviewer";

        public static final String DECISION = "decision";
        public static final String DECISION_CONDITIONS = "decisionConditions";
        public static final String DECISION_FEEDBACK = "decisionFeedback";

        public static final String AGREEMENT = "agreement";
        public static final String AGREEMENT_VERIFICATION = "agreementVerification";
        public static final String AGREEMENT_NOTE = "agreementNote";
        /** The signed agreement's deadline (a Date): the wait's timers. */
        public static final String AGREEMENT_DUE_AT = "agreementDueAt";
        public static final String AGREEMENT_DUE_DATE = "agreementDueDate";
        public static final String OVERDUE_AGREEMENT_ACTION = "overdueAgreementAction";
        public static final String CANCELLATION_REASON = "cancellationReason";
        public static final String OVERDUE_REPORT_NOTE = "overdueReportNote";
        public static final String PROGRESS_REPORT_IDS = "progressReportIds";
        public static final String FINAL_REPORT_ID = "finalReportId";
        public static final String REPORT_ID = "reportId";
        public static final String REPORT_DUE_DATE = "reportDueDate";
        public static final String REPORT = "report";
        public static final String REPORT_REVIEW = "reportReview";
        public static final String REPORT_FEEDBACK = "reportFeedback";
        public static final String FINAL_REPORT_REVIEW = "finalReportReview";
        public static final String EVALUATION_RATING = "evaluationRating";
        public static final String EVALUATION_SUMMARY = "evaluationSummary";
        public static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
        /** Input parameter of the send-notice service tasks. */
        public static final String NOTICE = "notice";

        private Vars() {
        }
    }

    /** Element ids of the two BPMN files that code and tests refer to. */
    public static final class Elements {
        public static final String TASK_CHECK_ELIGIBILITY = "Task_CheckEligibility";
        public static final String END_PROPOSAL_INELIGIBLE = "EndEvent_ProposalIneligible";
        public static final String TASK_SCREEN_PROPOSAL = "Task_ScreenProposal";
        public static final String TASK_AWAIT_CLARIFICATION = "Task_AwaitClarification";
        public static final String BOUNDARY_CLARIFICATION_REMINDER_DUE = "BoundaryEvent_ClarificationReminderDue";
        public static final String TASK_REMIND_APPLICANT_OF_CLARIFICATION = "Task_RemindApplicantOfClarification";
        public static final String END_PROPOSAL_WITHDRAWN = "EndEvent_ProposalWithdrawn";
        public static final String TASK_NOTIFY_WITHDRAWAL = "Task_NotifyWithdrawal";
        public static final String TASK_ASSIGN_REVIEWERS = "Task_AssignReviewers";
        public static final String SUBPROCESS_REVIEW = "SubProcess_ReviewProposal";
        public static final String TASK_DECLARE_CONFLICT_OF_INTEREST = "Task_DeclareConflictOfInterest";
        public static final String TASK_ASSIGN_REPLACEMENT_REVIEWER = "Task_AssignReplacementReviewer";
        public static final String END_REVIEW_DROPPED = "EndEvent_ReviewDropped";
        public static final String TASK_SCORE_PROPOSAL = "Task_ScoreProposal";
        public static final String BOUNDARY_REVIEW_REMINDER_DUE = "BoundaryEvent_ReviewReminderDue";
        public static final String BOUNDARY_REVIEW_OVERDUE = "BoundaryEvent_ReviewOverdue";
        public static final String BOUNDARY_REVIEW_ESCALATION_DUE = "BoundaryEvent_ReviewEscalationDue";
        public static final String TASK_REMIND_REVIEWER = "Task_RemindReviewer";
        public static final String TASK_ESCALATE_OVERDUE_REVIEW = "Task_EscalateOverdueReview";
        public static final String TASK_HANDLE_OVERDUE_REVIEW = "Task_HandleOverdueReview";
        public static final String TASK_AGGREGATE_SCORES = "Task_AggregateScores";
        public static final String GATEWAY_ANY_REVIEW_SUBMITTED = "Gateway_AnyReviewSubmitted";
        public static final String TASK_DECIDE_ON_PROPOSAL = "Task_DecideOnProposal";
        public static final String TASK_AWAIT_REVISION = "Task_AwaitRevision";
        public static final String GATEWAY_CALL_MODE = "Gateway_CallMode";
        public static final String TASK_TELL_CALL_REVIEW_ENDED = "Task_TellCallReviewEnded";
        public static final String TASK_AWAIT_FUNDING_DECISION = "Task_AwaitFundingDecision";
        public static final String GATEWAY_FUNDING_DECISION = "Gateway_FundingDecision";
        public static final String TASK_NOTIFY_RESERVE_LIST = "Task_NotifyReserveList";
        public static final String TASK_AWAIT_RESERVE_DECISION = "Task_AwaitReserveDecision";
        public static final String END_PROPOSAL_REJECTED = "EndEvent_ProposalRejected";
        public static final String CALL_ACTIVITY_FOLLOW_UP = "CallActivity_FollowUpPartnership";
        public static final String END_PARTNERSHIP_CLOSED = "EndEvent_PartnershipClosed";
        public static final String END_PARTNERSHIP_CANCELLED = "EndEvent_PartnershipCancelled";

        public static final String TASK_AWAIT_SIGNED_AGREEMENT = "Task_AwaitSignedAgreement";
        public static final String BOUNDARY_AGREEMENT_REMINDER_DUE = "BoundaryEvent_AgreementReminderDue";
        public static final String BOUNDARY_AGREEMENT_DEADLINE_PASSED = "BoundaryEvent_AgreementDeadlinePassed";
        public static final String TASK_HANDLE_OVERDUE_AGREEMENT = "Task_HandleOverdueAgreement";
        public static final String TASK_VERIFY_AGREEMENT = "Task_VerifyAgreement";
        public static final String END_AGREEMENT_NOT_SIGNED = "EndEvent_AgreementNotSigned";
        public static final String SUBPROCESS_PROGRESS_REPORTING = "SubProcess_ProgressReporting";
        public static final String EVENT_REPORTING_PERIOD_ENDED = "Event_ReportingPeriodEnded";
        public static final String TASK_AWAIT_PROGRESS_REPORT = "Task_AwaitProgressReport";
        public static final String BOUNDARY_PROGRESS_REPORT_OVERDUE = "BoundaryEvent_ProgressReportOverdue";
        public static final String TASK_REMIND_PROGRESS_REPORT = "Task_RemindProgressReport";
        public static final String BOUNDARY_PROGRESS_REPORT_ESCALATION_DUE = "BoundaryEvent_ProgressReportEscalationDue";
        public static final String TASK_FOLLOW_UP_OVERDUE_PROGRESS_REPORT = "Task_FollowUpOverdueProgressReport";
        public static final String BOUNDARY_FINAL_REPORT_OVERDUE = "BoundaryEvent_FinalReportOverdue";
        public static final String BOUNDARY_FINAL_REPORT_ESCALATION_DUE = "BoundaryEvent_FinalReportEscalationDue";
        public static final String TASK_FOLLOW_UP_OVERDUE_FINAL_REPORT = "Task_FollowUpOverdueFinalReport";
        public static final String TASK_REVIEW_PROGRESS_REPORT = "Task_ReviewProgressReport";
        public static final String EVENT_PROJECT_ENDED = "Event_ProjectEnded";
        public static final String TASK_AWAIT_FINAL_REPORT = "Task_AwaitFinalReport";
        public static final String TASK_EVALUATE_FINAL_REPORT = "Task_EvaluateFinalReport";
        public static final String END_FOLLOW_UP_CLOSED = "EndEvent_FollowUpClosed";

        private Elements() {
        }
    }
}
