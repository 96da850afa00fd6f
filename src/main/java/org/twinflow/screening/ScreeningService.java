package org.twinflow.screening;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.proposal.ActionNotAwaitedException;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalMessages;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.timeline.TimelineActors;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

/** Screening by the secretariat and the clarification loop with the applicant. */
@Service
public class ScreeningService {

    private final ClarificationRepository clarifications;
    private final EligibilityOutcomes eligibility;
    private final ProposalService proposals;
    private final ProposalMessages messages;
    private final TimelineService timeline;
    private final Clock clock;

    ScreeningService(ClarificationRepository clarifications, EligibilityOutcomes eligibility, ProposalService proposals,
            ProposalMessages messages, TimelineService timeline, Clock clock) {
        this.clarifications = clarifications;
        this.eligibility = eligibility;
        this.proposals = proposals;
        this.messages = messages;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The proposal was found ineligible (by the eligibility decision or at screening): the reasons, and its status. */
    @Transactional
    public void recordIneligibility(Long proposalId, List<String> reasons) {
        eligibility.saveIneligible(proposalId, reasons, clock.instant());
        proposals.moveTo(proposalId, ProposalStatus.INELIGIBLE);
        timeline.forApplicant(proposalId, TimelineActors.SYSTEM, TimelineEvent.FOUND_INELIGIBLE, String.join(", ", reasons));
    }

    /** The reason codes of an ineligible proposal; empty for any other. */
    @Transactional(readOnly = true)
    public List<String> ineligibilityReasonsOf(Long proposalId) {
        return eligibility.reasonsOf(proposalId);
    }

    /**
     * Records the secretariat's screening outcome; a clarification question is stored with its deadline
     * {@code clarificationDue}, the one the process's timers read (null for the other outcomes).
     */
    @Transactional
    public void recordOutcome(Long proposalId, ScreeningOutcome outcome, String question, String note, String officer, Instant clarificationDue) {
        timeline.internal(proposalId, officer, TimelineEvent.SCREENED, outcome.value() + (note == null ? "" : ": " + note));
        switch (outcome) {
            case NEEDS_CLARIFICATION -> {
                clarifications.save(new Clarification(proposalId, question, officer, clock.instant(), clarificationDue));
                timeline.forApplicant(proposalId, officer, TimelineEvent.CLARIFICATION_REQUESTED, question);
            }
            case INELIGIBLE -> timeline.forApplicant(proposalId, officer, TimelineEvent.FOUND_INELIGIBLE, note);
            case COMPLETE -> { }
        }
    }

    /**
     * The applicant's answer to the open clarification request; it brings the proposal back to screening.
     *
     * @throws ActionNotAwaitedException when no question is open (answered twice, or the deadline passed)
     */
    @Transactional
    public void answerClarification(String reference, String answer, String actor) {
        if (answer == null || answer.isBlank()) {
            throw new IllegalArgumentException("The answer to a clarification request must not be empty");
        }
        Proposal proposal = proposals.byReference(reference);
        Clarification open = openClarification(proposal.getId())
                .orElseThrow(() -> new ActionNotAwaitedException(reference, "a clarification"));
        open.answer(answer.strip(), clock.instant());
        clarifications.save(open);
        timeline.forApplicant(proposal.getId(), actor, TimelineEvent.CLARIFICATION_PROVIDED, null);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("question", open.getQuestion());
        shown.put("answer", open.getAnswer());
        shown.put("answeredAt", open.getAnsweredAt().toString());
        messages.deliver(reference, ProposalProcess.Messages.CLARIFICATION_PROVIDED, Map.of(ProposalProcess.Vars.CLARIFICATION,
                Variables.objectValue(shown).serializationDataFormat(SerializationDataFormats.JSON).create()));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Clarification> openClarification(Long proposalId) {
        List<Clarification> all = clarifications.findByProposalIdOrderByAskedAtAscIdAsc(proposalId);
        return all.isEmpty() || !all.get(all.size() - 1).isOpen() ? java.util.Optional.empty()
                : java.util.Optional.of(all.get(all.size() - 1));
    }

    @Transactional(readOnly = true)
    public List<Clarification> clarificationsOf(Long proposalId) {
        return clarifications.findByProposalIdOrderByAskedAtAscIdAsc(proposalId);
    }
}
