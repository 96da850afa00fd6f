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

    /**
     * The years a call's dates may lie in, on every database: a MySQL TIMESTAMP holds 1970-01-01 00:00:01 to
     * 2038-01-19 03:14:07 UTC, which these years keep clear of in any time zone (H2 would store any year).
     */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2037;

    private CallDates() {
    }

    /** Whether the instant lies within {@link #FIRST_YEAR} to {@link #LAST_YEAR} where the call is. */
    public static boolean withinYears(Instant instant, ZoneId zone) {
        int year = instant.atZone(zone).getYear();
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    static String yearsProblem() {
        return "A date between the years " + FIRST_YEAR + " and " + LAST_YEAR;
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
