package org.twinflow.proposal;

/** The proposal's call, as far as a submission is concerned: whether it takes submissions now (implemented by the call stage). */
public interface CallGate {

    /**
     * Refuses a submission to a call that does not take submissions at this instant, decided inside the submission's
     * transaction: the call cannot close between this check and the submission's commit.
     *
     * @return the call's reference and mode, which the proposal's process needs
     * @throws CallNotOpenException when the call is closed, not open yet, or not published
     */
    OpenCall ensureOpenForSubmission(Long callId);

    /** The call a submission goes to: its reference and its mode ({@code COMPETITIVE} or {@code ROLLING}). */
    record OpenCall(String reference, String mode) {
    }
}
