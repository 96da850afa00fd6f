package org.twinflow.proposal;

import java.time.Instant;
import java.time.ZoneId;

/** A submission to a call that does not take submissions now; nothing was stored. */
public class CallNotOpenException extends RuntimeException {

    private final String callReference;
    private final String callTitle;
    private final boolean closed;
    private final Instant instant;
    private final ZoneId timeZone;

    /**
     * @param closed  true: the call closed at {@code instant}; false: it opens at {@code instant} (or is not published, instant null)
     */
    public CallNotOpenException(String callReference, String callTitle, boolean closed, Instant instant, ZoneId timeZone) {
        super(closed ? "The call " + callReference + " closed at " + instant + "; proposals can no longer be submitted to it"
                : "The call " + callReference + " is not open" + (instant == null ? "" : " before " + instant));
        this.callReference = callReference;
        this.callTitle = callTitle;
        this.closed = closed;
        this.instant = instant;
        this.timeZone = timeZone;
    }

    public String callReference() { return callReference; }
    public String callTitle() { return callTitle; }
    public boolean closed() { return closed; }
    public Instant instant() { return instant; }
    public ZoneId timeZone() { return timeZone; }
}
