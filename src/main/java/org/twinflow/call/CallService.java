package org.twinflow.call;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.proposal.CallGate;
import org.twinflow.proposal.CallNotOpenException;

/**
 * Calls for proposals: the secretariat prepares, publishes and extends them; submissions ask whether their call is
 * open; the call's process closes it. Rules: docs/calls.md.
 */
@Service
public class CallService implements CallGate {

    private static final Logger log = LoggerFactory.getLogger(CallService.class);

    private final CallRepository calls;
    private final CallDeadlineExtensions extensions;
    private final CallProcessStarter process;
    private final Clock clock;

    CallService(CallRepository calls, CallDeadlineExtensions extensions, CallProcessStarter process, Clock clock) {
        this.calls = calls;
        this.extensions = extensions;
        this.process = process;
        this.clock = clock;
    }

    /** Stores a new, unpublished call. */
    @Transactional
    public CallForProposals create(CallDraft draft) {
        List<CallProblem> problems = new ArrayList<>(CallDraftCheck.problems(draft));
        if (draft.reference() != null && calls.findByReference(draft.reference()).isPresent()) {
            problems.add(new CallProblem("reference", "Another call has the reference " + draft.reference()));
        }
        if (!problems.isEmpty()) {
            throw new CallInvalidException(problems);
        }
        return calls.save(new CallForProposals(draft, clock.instant()));
    }

    /**
     * Changes what a call says. A draft may change in everything but its reference; a published call keeps its dates
     * (only {@link #extendDeadline} moves the deadline) and, once a proposal has been submitted to it, its rules too.
     */
    @Transactional
    public CallForProposals update(String reference, CallDraft draft) {
        CallForProposals call = calls.findForChangeByReference(reference).orElseThrow(() -> new CallNotFoundException(reference));
        CallDraft kept = draft.withReference(call.getReference());
        if (call.isPublished()) {
            if (calls.countSubmittedProposals(call.getId()) > 0) {
                throw new CallRulesLockedException("Proposals have been submitted to " + reference
                        + ": its rules can no longer change; only its deadline can be extended");
            }
            if (!call.getOpensAt().equals(draft.opensAt()) || !call.getClosesAt().equals(draft.closesAt())
                    || call.getMode() != draft.mode()) {
                throw new CallRulesLockedException("The call " + reference
                        + " is published: its dates and mode stay as announced; extend its deadline instead");
            }
        }
        List<CallProblem> problems = CallDraftCheck.problems(kept);
        if (!problems.isEmpty()) {
            throw new CallInvalidException(problems);
        }
        call.apply(kept, clock.instant());
        return calls.save(call);
    }

    /** Publishes a call: cities see it, and its process waits for the opening. */
    @Transactional
    public CallForProposals publish(String reference, String actor) {
        CallForProposals call = calls.findForChangeByReference(reference).orElseThrow(() -> new CallNotFoundException(reference));
        if (call.isPublished()) {
            return call;
        }
        Instant now = clock.instant();
        if (!call.getClosesAt().isAfter(now)) {
            throw new CallRulesLockedException("The call " + reference + " would close before it is published; move its deadline first");
        }
        call.publish(actor, now);
        CallForProposals saved = calls.save(call);
        process.start(saved);
        log.info("Call {} published by {}", reference, actor);
        return saved;
    }

    /** Moves an open or upcoming call's deadline later; the cities with drafts in it are told (by the call's process). */
    @Transactional
    public CallForProposals extendDeadline(String reference, Instant newClosesAt, String reason, String actor) {
        CallForProposals call = calls.findForChangeByReference(reference).orElseThrow(() -> new CallNotFoundException(reference));
        Instant now = clock.instant();
        if (!call.isPublished()) {
            throw new CallRulesLockedException("The call " + reference + " is not published: change its dates by editing it");
        }
        if (call.phaseAt(now) == CallPhase.CLOSED) {
            throw new CallRulesLockedException("The call " + reference + " has closed; a closed call does not open again");
        }
        List<CallProblem> problems = new ArrayList<>();
        if (newClosesAt == null || !newClosesAt.isAfter(call.getClosesAt())) {
            problems.add(new CallProblem("closesAt", "The new deadline must be later than the present one"));
        } else if (!CallDates.withinYears(newClosesAt, call.getTimeZone())) {
            problems.add(new CallProblem("closesAt", CallDates.yearsProblem()));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new CallProblem("reason", "Say why the deadline moves; the cities with drafts are told"));
        }
        if (!problems.isEmpty()) {
            throw new CallInvalidException(problems);
        }
        CallDeadlineExtension extension = call.extendDeadline(newClosesAt, reason.strip(), actor, now);
        CallForProposals saved = calls.save(call);
        extensions.add(saved.getId(), extension);
        process.deadlineExtended(saved);
        log.info("Call {} extended to {} by {}", reference, newClosesAt, actor);
        return saved;
    }

    @Override
    @Transactional
    public OpenCall ensureOpenForSubmission(Long callId) {
        CallForProposals call = calls.findForSubmissionById(callId)
                .orElseThrow(() -> new IllegalArgumentException("No call with id " + callId));
        switch (call.phaseAt(clock.instant())) {
            case OPEN -> {
                return new OpenCall(call.getReference(), call.getMode().name());
            }
            case CLOSED -> throw new CallNotOpenException(call.getReference(), call.getTitle(), true, call.getClosesAt(), call.getTimeZone());
            case UPCOMING -> throw new CallNotOpenException(call.getReference(), call.getTitle(), false, call.getOpensAt(), call.getTimeZone());
            case DRAFT -> throw new CallNotOpenException(call.getReference(), call.getTitle(), false, null, call.getTimeZone());
        }
        throw new IllegalStateException("Unknown phase");
    }

    /**
     * The call's process closes it at the deadline. The exclusive lock waits for every submission that checked the
     * call before (their shared locks), so that all of them are stored when this returns.
     */
    @Transactional
    public CallForProposals close(Long callId) {
        CallForProposals call = calls.findForChangeById(callId).orElseThrow(() -> new IllegalArgumentException("No call with id " + callId));
        if (call.getClosedAt() == null) {
            call.markClosed(clock.instant());
            call = calls.save(call);
            log.info("Call {} closed", call.getReference());
        }
        return call;
    }

    @Transactional(readOnly = true)
    public CallForProposals byReference(String reference) {
        return calls.findByReference(reference).orElseThrow(() -> new CallNotFoundException(reference));
    }

    /** A call the public may see: published. */
    @Transactional(readOnly = true)
    public CallForProposals publishedByReference(String reference) {
        return calls.findByReference(reference).filter(CallForProposals::isPublished)
                .orElseThrow(() -> new CallNotFoundException(reference));
    }

    @Transactional(readOnly = true)
    public CallForProposals byId(Long callId) {
        return calls.findById(callId).orElseThrow(() -> new IllegalArgumentException("No call with id " + callId));
    }

    @Transactional(readOnly = true)
    public CallRules rulesOf(Long callId) {
        return byId(callId).rules();
    }

    /** The rules of the call the proposal belongs to. */
    @Transactional(readOnly = true)
    public CallRules rulesOfProposal(Long proposalId) {
        return rulesOf(calls.findCallIdOfProposal(proposalId).orElseThrow(() -> new IllegalArgumentException("No proposal with id " + proposalId)));
    }

    /** Every call, the latest opening first (the staff's list). */
    @Transactional(readOnly = true)
    public List<CallForProposals> all() {
        return calls.findAllByOrderByOpensAtDesc();
    }

    /** Published calls that have not closed: open ones and upcoming ones, the soonest deadline first. */
    @Transactional(readOnly = true)
    public List<CallForProposals> openAndUpcoming() {
        return calls.findByPublishedAtIsNotNullAndClosedAtIsNullAndClosesAtAfterOrderByClosesAtAsc(clock.instant());
    }

    /** Published calls taking submissions now. */
    @Transactional(readOnly = true)
    public List<CallForProposals> open() {
        Instant now = clock.instant();
        return openAndUpcoming().stream().filter(c -> c.phaseAt(now) == CallPhase.OPEN).toList();
    }

    /** The call's deadline extensions, the first first. */
    @Transactional(readOnly = true)
    public List<CallDeadlineExtension> extensionsOf(Long callId) {
        return extensions.of(callId);
    }

    @Transactional(readOnly = true)
    public long submittedProposalCount(Long callId) {
        return calls.countSubmittedProposals(callId);
    }
}
