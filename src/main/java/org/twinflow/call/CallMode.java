package org.twinflow.call;

/** How a call decides: all its proposals ranked together after the deadline, or each as it comes. */
public enum CallMode {
    /** Ranked after the deadline; the committee funds the best within the budget and keeps a reserve list. */
    COMPETITIVE,
    /** Each proposal decided by the committee when its review ends, while the call's budget lasts. */
    ROLLING
}
