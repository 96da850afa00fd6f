package org.twinflow.document;

/** What a stored PDF is. */
public enum DocumentKind {
    LETTER_OF_INTENT,
    COUNCIL_RESOLUTION,
    PARTNER_COMMITMENT,
    CLARIFICATION,
    SIGNED_AGREEMENT,
    REPORT_ANNEX
}
