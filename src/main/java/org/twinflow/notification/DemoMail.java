package org.twinflow.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** One mail in the demo mailbox, as it was delivered, with the mailbox's own id and the time it was kept. */
record DemoMail(long id, Instant receivedAt, String to, String subject, String html, String text) {

    public ZonedDateTime receivedAtUtc() {
        return receivedAt.atZone(ZoneOffset.UTC);
    }
}
