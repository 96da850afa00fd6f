package org.twinflow.proposal;

/**
 * The applicant tried an action the procedure is not waiting for (any more): a second click, a
 * second tab, or a deadline that has passed. Nothing was changed.
 */
public class ActionNotAwaitedException extends RuntimeException {

    public ActionNotAwaitedException(String reference, String action) {
        super("Proposal " + reference + " is not waiting for " + action + " at the moment; nothing was changed");
    }
}
