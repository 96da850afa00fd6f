package org.twinflow.proposal;

import java.util.List;

/** A proposal cannot be submitted while these fields are empty. */
public class ProposalIncompleteException extends RuntimeException {

    private final List<String> missingFields;

    public ProposalIncompleteException(String reference, List<String> missingFields) {
        super("Proposal " + reference + " cannot be submitted; missing: " + String.join(", ", missingFields));
        this.missingFields = List.copyOf(missingFields);
    }

    public List<String> getMissingFields() {
        return missingFields;
    }
}
