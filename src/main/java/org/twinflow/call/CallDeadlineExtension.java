package org.twinflow.call;

import java.time.Instant;


/** A published call's deadline moved later: when, by whom and why. */
public record CallDeadlineExtension(Instant previousClosesAt, Instant newClosesAt, String reason, String extendedBy, Instant extendedAt) {
}
