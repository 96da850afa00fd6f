package org.twinflow.portal.form;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.twinflow.call.CallDates;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallPhase;
import org.twinflow.call.CallRules;
import org.twinflow.call.CallService;
import org.twinflow.proposal.Proposal;

/** The call a proposal form works with: the one a city applies to with a new proposal, or the one its draft belongs to. */
@Component
class ProposalCalls {

    /** The call as the form shows it (its deadline written in its time zone), with the rules its checks apply. */
    record FormCall(String reference, String title, CallPhase phase, String closesAt, CallRules rules) {

        public boolean isOpen() {
            return phase == CallPhase.OPEN;
        }

        public boolean isClosed() {
            return phase == CallPhase.CLOSED;
        }
    }

    private final CallService calls;
    private final Clock clock;

    ProposalCalls(CallService calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    /**
     * The call named (a published one, else {@code CallNotFoundException}), or without a name the only open call;
     * empty when several calls are open, or none, and the city must choose.
     */
    Optional<FormCall> forNewProposal(String reference) {
        if (reference != null && !reference.isBlank()) {
            return Optional.of(shown(calls.publishedByReference(reference.strip())));
        }
        List<CallForProposals> open = calls.open();
        return open.size() == 1 ? Optional.of(shown(open.get(0))) : Optional.empty();
    }

    FormCall of(Proposal proposal) {
        return shown(calls.byId(proposal.getCallId()));
    }

    private FormCall shown(CallForProposals call) {
        return new FormCall(call.getReference(), call.getTitle(), call.phaseAt(clock.instant()),
                CallDates.format(call.getClosesAt(), call.getTimeZone()), call.rules());
    }
}
