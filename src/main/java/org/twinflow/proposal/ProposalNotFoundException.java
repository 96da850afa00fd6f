package org.twinflow.proposal;

/** No proposal has this reference (or the caller may not know that it has). */
public class ProposalNotFoundException extends RuntimeException {

    public ProposalNotFoundException(String reference) {
        super("No proposal " + reference);
    }
}
