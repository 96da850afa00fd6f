package org.twinflow.notification;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalRepository;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

/**
 * The one outgoing port for telling people about a proposal. Delegates call this service, never a
 * mail client. Each notice becomes one outbox row per recipient and a timeline entry.
 */
@Service
public class NotificationService {

    static final String SECRETARIAT_GROUP = "secretariat";
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final NotificationRepository outbox;
    private final ProposalRepository proposals;
    private final CityRepository cities;
    private final IdentityService identityService;
    private final TimelineService timeline;
    private final Clock clock;

    public NotificationService(NotificationRepository outbox, ProposalRepository proposals, CityRepository cities,
            IdentityService identityService, TimelineService timeline, Clock clock) {
        this.outbox = outbox;
        this.proposals = proposals;
        this.cities = cities;
        this.identityService = identityService;
        this.timeline = timeline;
        this.clock = clock;
    }

    /**
     * Sends a notice about a proposal.
     *
     * @param reviewerId the reviewer concerned, for notices addressed to a reviewer; otherwise ignored
     */
    @Transactional
    public void send(Long proposalId, Notice notice, String reviewerId) {
        Proposal proposal = proposals.findById(proposalId)
                .orElseThrow(() -> new IllegalArgumentException("No proposal with id " + proposalId));
        List<String> recipients = recipientsOf(proposal, notice, reviewerId);
        for (String recipient : recipients) {
            outbox.save(new Notification(proposalId, notice, recipient, clock.instant()));
        }
        log.info("Notice {} for {} queued for {}", notice, proposal.getReference(), recipients);
        if (notice.audience() == Notice.Audience.APPLICANT) {
            timeline.forApplicant(proposalId, "twinflow", TimelineEvent.NOTICE_SENT, notice.name());
        } else {
            timeline.internal(proposalId, "twinflow", TimelineEvent.NOTICE_SENT, notice.name() + " to " + recipients);
        }
    }

    public List<Notification> sentFor(Long proposalId) {
        return outbox.findByProposalIdOrderByIdAsc(proposalId);
    }

    private List<String> recipientsOf(Proposal proposal, Notice notice, String reviewerId) {
        return switch (notice.audience()) {
            case APPLICANT -> cities.findById(proposal.getLeadCityId()).map(c -> List.of(c.getContactEmail())).orElseThrow();
            case REVIEWER -> {
                if (reviewerId == null) {
                    throw new IllegalArgumentException("Notice " + notice + " needs the reviewer it is addressed to");
                }
                yield List.of(emailOf(identityService.createUserQuery().userId(reviewerId).singleResult(), reviewerId));
            }
            case SECRETARIAT -> identityService.createUserQuery().memberOfGroup(SECRETARIAT_GROUP).list().stream()
                    .map(u -> emailOf(u, u.getId())).toList();
        };
    }

    private static String emailOf(User user, String userId) {
        if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
            return "user:" + userId;
        }
        return user.getEmail();
    }
}
