package org.twinflow.notification;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;
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

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository outbox;
    private final ProposalService proposals;
    private final IdentityService identityService;
    private final TimelineService timeline;
    private final Map<Notice, NoticeDetailsSource> detailsSources;
    private final NoticeMailRenderer renderer;
    private final MailDelivery delivery;
    private final MailProperties mailProperties;
    private final Clock clock;

    public NotificationService(NotificationRepository outbox, ProposalService proposals, IdentityService identityService,
            TimelineService timeline, List<NoticeDetailsSource> detailsSources, NoticeMailRenderer renderer, MailDelivery delivery,
            MailProperties mailProperties, Clock clock) {
        this.outbox = outbox;
        this.proposals = proposals;
        this.identityService = identityService;
        this.timeline = timeline;
        this.detailsSources = bySupportedNotice(detailsSources);
        this.renderer = renderer;
        this.delivery = delivery;
        this.mailProperties = mailProperties;
        this.clock = clock;
    }

    private static Map<Notice, NoticeDetailsSource> bySupportedNotice(List<NoticeDetailsSource> sources) {
        Map<Notice, NoticeDetailsSource> byNotice = new EnumMap<>(Notice.class);
        for (NoticeDetailsSource source : sources) {
            for (Notice notice : source.notices()) {
                NoticeDetailsSource other = byNotice.putIfAbsent(notice, source);
                if (other != null) {
                    throw new IllegalStateException("Notice " + notice + " has two sources of details: " + other.getClass().getName()
                            + " and " + source.getClass().getName());
                }
            }
        }
        return byNotice;
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
        NoticeDetailsSource source = detailsSources.get(notice);
        NoticeDetails details = source == null ? NoticeDetails.NONE : source.detailsOf(notice, proposal, reviewerId);
        return new NoticeMail(notice, recipient.address(), recipient.name(), proposal.reference(), proposal.title(),
                proposal.cityName(), details.question(), details.deadline(), details.reasonKeys(), details.feedback(),
                details.conditions(), details.overallScore(), reviewerId, linkFor(notice, proposal));
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
            case SECRETARIAT -> identityService.createUserQuery().memberOfGroup(StaffGroups.SECRETARIAT).list().stream()
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
