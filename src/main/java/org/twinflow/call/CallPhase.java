package org.twinflow.call;

/** Where a call stands, from its dates and whether it is published. */
public enum CallPhase {
    /** Being prepared by the secretariat; not shown to cities. */
    DRAFT,
    /** Published, not open yet. */
    UPCOMING,
    /** Taking submissions. */
    OPEN,
    /** Past its deadline. */
    CLOSED
}
