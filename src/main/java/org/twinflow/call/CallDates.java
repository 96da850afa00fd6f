package org.twinflow.call;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A call's dates as cities and staff read them: in the call's time zone, and in UTC. */
public final class CallDates {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter UTC_WITH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private CallDates() {
    }

    /** "31 March 2027, 17:00 Asia/Jakarta (10:00 UTC)"; the UTC part names its date when that differs; UTC calls once. */
    public static String format(Instant instant, ZoneId zone) {
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return UTC_WITH_DATE.format(instant.atZone(ZoneOffset.UTC));
        }
        var local = instant.atZone(zone);
        var utc = instant.atZone(ZoneOffset.UTC);
        String inUtc = local.toLocalDate().equals(utc.toLocalDate()) ? UTC.format(utc) : UTC_WITH_DATE.format(utc);
        return LOCAL.format(local) + " " + zone.getId() + " (" + inUtc + ")";
    }
}
