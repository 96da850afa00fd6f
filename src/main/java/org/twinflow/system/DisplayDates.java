package org.twinflow.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Deadlines as mails and Camunda Forms show them: in UTC, in English, like "12 December 2026, 14:00 UTC" or "12 December 2026". */
public final class DisplayDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter
            .ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DisplayDates() {
    }

    public static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    public static String date(LocalDate date) {
        return DATE.format(date);
    }
}
