package org.twinflow.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.followup.FollowUpService;
import org.twinflow.followup.Report;
import org.twinflow.followup.ReportKind;
import org.twinflow.followup.ReportStatus;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.proposal.ProposalService;
import org.twinflow.screening.Clarification;
import org.twinflow.review.ReviewService;
import org.twinflow.screening.ScreeningService;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.ProcessTimingProperties;
import org.twinflow.timeline.TimelineActors;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

/**
 * The one outgoing port for telling people about a proposal. Delegates call this service, never a
 * mail client. Each notice becomes one outbox row per recipient, a mail to that recipient and a
 * timeline entry.
 *
 * <p>Delivery happens here, inside the notice task's asynchronous job and its transaction: the outbox
 * row is stored, the mail handed to the SMTP server and the row marked sent ({@code sent_at}) together.
 * When the SMTP server is down the exception fails the job, everything rolls back (row, timeline entry)
 * and the engine retries the job, finally raising an incident in Cockpit; the staff member who completed
 * the task before never sees the error. A retry that succeeds therefore stores and sends each mail once.
 * This is at-least-once, not exactly-once: a crash (or a failed commit) after the SMTP server accepted a
 * mail rolls the row back and the retry sends that mail again; so does a failure on the second of several
 * recipients (the secretariat) for the first one.
 */
@Service
public class NotificationService {

    static final String SECRETARIAT_GROUP = "secretariat";
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final DateTimeFormatter DUE_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", NoticeMailRenderer.MAIL_LOCALE);

    private final NotificationRepository outbox;
    private final ProposalService proposals;
    private final IdentityService identityService;
    private final TimelineService timeline;
    private final ScreeningService screening;
    private final FollowUpService followUp;
    private final ReviewService reviews;
    private final ProcessTimingProperties timings;
    private final NoticeMailRenderer renderer;
    private final MailDelivery delivery;
    private final MailProperties mailProperties;
    private final Clock clock;

    public NotificationService(NotificationRepository outbox, ProposalService proposals,
            IdentityService identityService, TimelineService timeline, ScreeningService screening, FollowUpService followUp,
            ReviewService reviews,
            ProcessTimingProperties timings, NoticeMailRenderer renderer, MailDelivery delivery, MailProperties mailProperties,
            Clock clock) {
        this.outbox = outbox;
        this.proposals = proposals;
        this.identityService = identityService;
        this.timeline = timeline;
        this.screening = screening;
        this.followUp = followUp;
        this.reviews = reviews;
        this.timings = timings;
        this.renderer = renderer;
        this.delivery = delivery;
        this.mailProperties = mailProperties;
        this.clock = clock;
    }

    /**
     * Sends a notice about a proposal by e-mail, recorded in the outbox. A delivery failure propagates
     * (see the class comment), so call it only from the notice's asynchronous job.
     *
     * @param reviewerId the reviewer concerned, for notices addressed to a reviewer or about one; otherwise ignored
     */
    @Transactional
    public void send(Long proposalId, Notice notice, String reviewerId) {
        ProposalNoticeFacts proposal = proposals.noticeFactsOf(proposalId);
        List<Recipient> recipients = recipientsOf(proposal, notice, reviewerId);
        for (Recipient recipient : recipients) {
            Notification notification = new Notification(proposalId, notice, recipient.address(), clock.instant());
            if (recipient.mailable()) {
                // Sent first, then stored as sent: a failed delivery fails the job before anything is written.
                delivery.deliver(renderer.render(mailOf(proposal, notice, recipient, reviewerId)));
                notification.markSent(clock.instant());
            } else {
                log.warn("Notice {} for {}: {} has no e-mail address; kept unsent in the outbox",
                        notice, proposal.reference(), recipient.address());
            }
            outbox.save(notification);
        }
        List<String> addresses = recipients.stream().map(Recipient::address).toList();
        log.info("Notice {} for {} sent to {}", notice, proposal.reference(), addresses);
        if (notice.audience() == Notice.Audience.APPLICANT) {
            timeline.forApplicant(proposalId, TimelineActors.SYSTEM, TimelineEvent.NOTICE_SENT, notice.name());
        } else {
            timeline.internal(proposalId, TimelineActors.SYSTEM, TimelineEvent.NOTICE_SENT, notice.name() + " to " + addresses);
        }
    }

    public List<Notification> sentFor(Long proposalId) {
        return outbox.findByProposalIdOrderByIdAsc(proposalId);
    }

    private NoticeMail mailOf(ProposalNoticeFacts proposal, Notice notice, Recipient recipient, String reviewerId) {
        String question = null;
        String deadline = null;
        List<String> reasons = List.of();
        String feedback = null;
        String conditions = null;
        String score = null;
        switch (notice) {
            case CLARIFICATION_REQUESTED, CLARIFICATION_REMINDER -> {
                Optional<Clarification> open = screening.openClarification(proposal.id());
                question = open.map(Clarification::getQuestion).orElse(null);
                deadline = open.map(c -> DisplayDates.dateTime(c.getDeadline())).orElse(null);
            }
            case PROPOSAL_INELIGIBLE -> reasons = proposal.eligibilityReasonList().stream().map(r -> "mail.reason." + r).toList();
            case PROPOSAL_APPROVED, PROPOSAL_REJECTED, REVISION_REQUESTED -> {
                feedback = blankToNull(proposal.decisionFeedback());
                conditions = blankToNull(proposal.decisionConditions());
                score = proposal.scoreOverall() == null ? null : proposal.scoreOverall().toPlainString();
                if (notice == Notice.REVISION_REQUESTED) {
                    Instant decided = proposal.decidedAt() == null ? clock.instant() : proposal.decidedAt();
                    deadline = DisplayDates.dateTime(decided.plus(timings.revisionDeadline()));
                }
            }
            case AGREEMENT_DUE, AGREEMENT_REJECTED, AGREEMENT_REMINDER, AGREEMENT_EXTENDED -> deadline = agreementDue(proposal);
            case REVIEW_REMINDER, REVIEW_EXTENDED -> deadline = reviews.dueDateOf(proposal.id(), reviewerId)
                    .map(DisplayDates::dateTime).orElse(null);
            // For an overdue review: from when the secretariat may give it to someone else.
            case REVIEW_OVERDUE -> deadline = reviews.dueDateOf(proposal.id(), reviewerId)
                    .map(due -> DisplayDates.dateTime(due.plus(timings.reviewEscalationAfter()))).orElse(null);
            case REPORT_DUE, REPORT_OVERDUE -> deadline = reportDue(proposal.id(), ReportKind.PROGRESS);
            case REPORT_ESCALATED -> {
                String progress = reportDue(proposal.id(), ReportKind.PROGRESS);
                deadline = progress != null ? progress : reportDue(proposal.id(), ReportKind.FINAL);
            }
            case FINAL_REPORT_DUE -> deadline = reportDue(proposal.id(), ReportKind.FINAL);
            default -> {
                // receipt, withdrawal, cancellation, closure, report changes, escalations: the body says it all
            }
        }
        return new NoticeMail(notice, recipient.address(), recipient.name(), proposal.reference(), proposal.title(),
                proposal.cityName(), question, deadline, reasons, feedback, conditions, score, reviewerId,
                linkFor(notice, proposal));
    }

    private String agreementDue(ProposalNoticeFacts proposal) {
        Instant due = proposal.agreementDue(timings.agreementDeadline());
        return due == null ? null : DisplayDates.dateTime(due);
    }

    /** The due date of the earliest open report of that kind whose period has ended (the one the notice is about). */
    private String reportDue(Long proposalId, ReportKind kind) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return followUp.reportsOf(proposalId).stream()
                .filter(r -> r.getKind() == kind)
                .filter(r -> r.getStatus() == ReportStatus.PLANNED || r.getStatus() == ReportStatus.CHANGES_REQUESTED)
                .filter(r -> !r.getPeriodEnd().isAfter(today))
                .map(Report::getDueDate)
                .min(LocalDate::compareTo)
                .map(DUE_DATE::format)
                .orElse(null);
    }

    private String linkFor(Notice notice, ProposalNoticeFacts proposal) {
        String base = mailProperties.portalUrl().replaceAll("/+$", "");
        return switch (notice.audience()) {
            case APPLICANT -> base + "/proposals/" + proposal.reference();
            case REVIEWER -> base + "/camunda/app/tasklist/";
            case SECRETARIAT -> base + "/staff/proposals/" + proposal.reference();
        };
    }

    private List<Recipient> recipientsOf(ProposalNoticeFacts proposal, Notice notice, String reviewerId) {
        return switch (notice.audience()) {
            case APPLICANT -> List.of(new Recipient(proposal.contactEmail(), blankToNull(proposal.contactName())));
            case REVIEWER -> {
                if (reviewerId == null) {
                    throw new IllegalArgumentException("Notice " + notice + " needs the reviewer it is addressed to");
                }
                yield List.of(recipientOf(identityService.createUserQuery().userId(reviewerId).singleResult(), reviewerId));
            }
            case SECRETARIAT -> identityService.createUserQuery().memberOfGroup(SECRETARIAT_GROUP).list().stream()
                    .map(u -> recipientOf(u, u.getId())).toList();
        };
    }

    private static Recipient recipientOf(User user, String userId) {
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return new Recipient("user:" + userId, null);
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new Recipient(user.getEmail(), name.isEmpty() ? null : name);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** An outbox address: an e-mail address, or {@code user:<id>} for a staff user without one (not mailed). */
    private record Recipient(String address, String name) {
        boolean mailable() {
            return !address.startsWith("user:");
        }
    }
}
