package org.twinflow.proposal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.process.ProposalProcess;
import org.twinflow.timeline.TimelineActors;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

/** The proposal's use cases: drafting, submitting, revising, and keeping its status in step with the process. */
@Service
public class ProposalService {

    private static final Logger log = LoggerFactory.getLogger(ProposalService.class);

    private final ProposalRepository proposals;
    private final CityRepository cities;
    private final ReferenceGenerator references;
    private final ProposalProcessStarter processStarter;
    private final ProposalMessages messages;
    private final TimelineService timeline;
    private final CallGate callGate;
    private final Clock clock;

    ProposalService(ProposalRepository proposals, CityRepository cities, ReferenceGenerator references,
            ProposalProcessStarter processStarter, ProposalMessages messages, TimelineService timeline, CallGate callGate, Clock clock) {
        this.proposals = proposals;
        this.cities = cities;
        this.references = references;
        this.processStarter = processStarter;
        this.messages = messages;
        this.timeline = timeline;
        this.callGate = callGate;
        this.clock = clock;
    }

    /** Stores a new draft and gives it its reference. */
    @Transactional
    public Proposal createDraft(ProposalDraft draft) {
        City leadCity = leadCity(draft.leadCityId());
        Proposal proposal = new Proposal(references.next(), draft.callId(), leadCity.getId(), draft.partnershipType(), draft.title(),
                draft.currency(), clock.instant());
        apply(draft, proposal);
        return proposals.save(proposal);
    }

    /**
     * Replaces what a draft says with the applicant's latest version (the portal's "Save as draft").
     * Only a draft can change this way; a proposal returned for revision goes through
     * {@link #submitRevision}, any other is no longer the applicant's to change.
     *
     * @throws ProposalNotFoundException when the draft belongs to another city than {@code draft.leadCityId()}
     * @throws ActionNotAwaitedException when the proposal is no longer a draft (submitted meanwhile in another tab)
     */
    @Transactional
    public Proposal updateDraft(String reference, ProposalDraft draft) {
        Proposal proposal = lockForChange(reference, draft.leadCityId());
        if (proposal.getStatus() != ProposalStatus.DRAFT) {
            throw new ActionNotAwaitedException(reference, "changes to its draft");
        }
        proposal.retitle(draft.title(), draft.partnershipType());
        apply(draft, proposal);
        // A draft stays a draft; moveTo records the time of the change.
        proposal.moveTo(ProposalStatus.DRAFT, clock.instant());
        return proposals.save(proposal);
    }

    /**
     * Submits a draft stored before, as it is: stores it as submitted and starts its
     * {@code partnership-proposal} instance in one transaction. If the start fails nothing is stored; if
     * storing fails no instance exists.
     */
    @Transactional
    public Proposal submit(String reference, String actor) {
        proposals.lockByReference(reference);
        Proposal proposal = byReference(reference);
        if (proposal.getStatus() != ProposalStatus.DRAFT) {
            throw new ActionNotAwaitedException(reference, "its submission");
        }
        return submitted(proposal, leadCity(proposal.getLeadCityId()), actor, stored -> { });
    }

    /**
     * Submits what the applicant sent in one go: a new proposal ({@code reference} null) or the latest
     * version of a draft, stored once as submitted; {@code alsoStore} runs with the stored proposal before
     * the process starts (the form's attachments), in the same transaction.
     *
     * @throws ActionNotAwaitedException when the draft is no longer a draft (submitted meanwhile in another tab)
     * @throws CityNotVerifiedException when the secretariat has not verified the lead city yet
     * @throws ProposalIncompleteException when something a submission needs is missing
     * @throws CallNotOpenException when the proposal's call does not take submissions now (closed at its deadline)
     */
    @Transactional
    public Proposal submit(String reference, ProposalDraft draft, String actor, Consumer<Proposal> alsoStore) {
        City leadCity = leadCity(draft.leadCityId());
        Proposal proposal;
        if (reference == null) {
            proposal = new Proposal(references.next(), draft.callId(), leadCity.getId(), draft.partnershipType(), draft.title(),
                    draft.currency(), clock.instant());
        } else {
            proposal = lockForChange(reference, draft.leadCityId());
            if (proposal.getStatus() != ProposalStatus.DRAFT) {
                throw new ActionNotAwaitedException(reference, "its submission");
            }
            proposal.retitle(draft.title(), draft.partnershipType());
        }
        apply(draft, proposal);
        return submitted(proposal, leadCity, actor, alsoStore);
    }

    private Proposal submitted(Proposal proposal, City leadCity, String actor, Consumer<Proposal> alsoStore) {
        if (!leadCity.isVerified()) {
            throw new CityNotVerifiedException(proposal.getReference());
        }
        ensureComplete(proposal);
        CallGate.OpenCall call = callGate.ensureOpenForSubmission(proposal.getCallId());
        proposal.markSubmitted(clock.instant());
        Proposal saved = proposals.save(proposal);
        alsoStore.accept(saved);
        timeline.forApplicant(saved.getId(), actor, TimelineEvent.SUBMITTED, null);
        processStarter.start(saved, leadCity, call);
        log.info("Proposal {} submitted by {}", saved.getReference(), actor);
        return saved;
    }

    /** Drafts and submits in one go (demo data, imports, tests). */
    @Transactional
    public Proposal submitNew(ProposalDraft draft, String actor) {
        return submit(null, draft, actor, stored -> { });
    }

    /** The applicant's revised proposal, after the committee returned it; it goes back to screening. */
    @Transactional
    public Proposal submitRevision(String reference, ProposalDraft revised, String actor) {
        Proposal proposal = lockForChange(reference, revised.leadCityId());
        if (proposal.getStatus() != ProposalStatus.REVISION_REQUESTED) {
            throw new ActionNotAwaitedException(reference, "a revision");
        }
        apply(revised, proposal);
        ensureComplete(proposal);
        Proposal saved = proposals.save(proposal);
        timeline.forApplicant(saved.getId(), actor, TimelineEvent.REVISION_SUBMITTED, null);
        messages.deliver(reference, ProposalProcess.Messages.REVISION_SUBMITTED, processStarter.shownToStaff(saved, leadCity(saved.getLeadCityId())));
        return saved;
    }

    /** Moves the status column in step with the process; a move to the current status records nothing. */
    @Transactional
    public void moveTo(Long proposalId, ProposalStatus status) {
        if (proposals.moveTo(proposalId, status.name(), clock.instant()) == 1) {
            timeline.forApplicant(proposalId, TimelineActors.SYSTEM, TimelineEvent.STATUS_CHANGED, status.name());
        }
    }

    @Transactional(readOnly = true)
    public Proposal byReference(String reference) {
        return proposals.findByReference(reference).orElseThrow(() -> new ProposalNotFoundException(reference));
    }

    /**
     * The proposal, if it belongs to the given city. Another city's proposal is reported as not found,
     * so that a reference reveals nothing.
     */
    @Transactional(readOnly = true)
    public Proposal byReferenceForCity(String reference, Long cityId) {
        Proposal proposal = proposals.findByReference(reference).orElseThrow(() -> new ProposalNotFoundException(reference));
        if (!proposal.getLeadCityId().equals(cityId)) {
            throw new ProposalNotFoundException(reference);
        }
        return proposal;
    }

    /**
     * The city's proposal, its row locked until the transaction ends: requests that change the same
     * proposal take turns, and each sees what the one before it did.
     */
    @Transactional
    public Proposal lockForChange(String reference, Long cityId) {
        proposals.lockByReference(reference);
        return byReferenceForCity(reference, cityId);
    }

    /** A city's proposals, most recently changed first. */
    @Transactional(readOnly = true)
    public java.util.List<Proposal> proposalsOf(Long cityId) {
        return proposals.findByLeadCityIdOrderByUpdatedAtDesc(cityId);
    }

    @Transactional(readOnly = true)
    public ProposalNoticeFacts noticeFactsOf(Long proposalId) {
        return proposals.findNoticeFacts(proposalId)
                .orElseThrow(() -> new IllegalArgumentException("No proposal with id " + proposalId));
    }

    @Transactional(readOnly = true)
    public EligibilityFacts eligibilityFactsOf(Long proposalId) {
        return proposals.findEligibilityFacts(proposalId)
                .orElseThrow(() -> new IllegalArgumentException("No proposal with id " + proposalId));
    }

    /** The ids of the call's drafts (not submitted yet). */
    @Transactional(readOnly = true)
    public List<Long> draftIdsOfCall(Long callId) {
        return proposals.findDraftIdsOfCall(callId);
    }

    /** Whether every submitted proposal of the call has finished its review, or ended before it (ineligible, withdrawn). */
    @Transactional(readOnly = true)
    public boolean allReviewedInCall(Long callId) {
        return proposals.countInReviewOfCall(callId) == 0;
    }

    /** The SDGs the proposal addresses, by number. */
    @Transactional(readOnly = true)
    public List<Integer> sdgsOf(Long proposalId) {
        return proposals.findSdgNumbers(proposalId);
    }

    @Transactional(readOnly = true)
    public Proposal byId(Long proposalId) {
        return proposals.findById(proposalId)
                .orElseThrow(() -> new IllegalArgumentException("No proposal with id " + proposalId));
    }

    @Transactional(readOnly = true)
    public City leadCityOf(Proposal proposal) {
        return leadCity(proposal.getLeadCityId());
    }

    private City leadCity(Long cityId) {
        return cities.findById(cityId).orElseThrow(() -> new IllegalArgumentException("No city with id " + cityId));
    }

    private static void apply(ProposalDraft draft, Proposal proposal) {
        proposal.describe(draft.thematicArea(), draft.summary(), draft.objectives(), draft.activities());
        proposal.plan(draft.startDate(), draft.durationMonths());
        proposal.budget(draft.totalBudget(), draft.requestedAmount(), draft.coFinancing());
        proposal.replacePartners(draft.partners());
        proposal.replaceSdgs(draft.sdgs());
        proposal.replaceExpectedResults(draft.expectedResults());
    }

    private static void ensureComplete(Proposal proposal) {
        List<String> missing = new ArrayList<>();
        if (proposal.getTitle() == null || proposal.getTitle().isBlank()) missing.add("title");
        if (proposal.getSummary() == null || proposal.getSummary().isBlank()) missing.add("summary");
        if (proposal.getStartDate() == null) missing.add("startDate");
        if (proposal.getDurationMonths() == null) missing.add("durationMonths");
        if (proposal.getTotalBudget() == null) missing.add("totalBudget");
        if (proposal.getRequestedAmount() == null) missing.add("requestedAmount");
        if (proposal.getPartners().isEmpty()) missing.add("partners");
        if (!missing.isEmpty()) {
            throw new ProposalIncompleteException(proposal.getReference(), missing);
        }
    }
}
