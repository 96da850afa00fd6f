package org.twinflow.proposal;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out proposal references {@code TW-<year>-<4 digits>}, counting per year. The counter row is
 * locked by the UPDATE until the surrounding transaction ends, so concurrent submissions never share
 * a number; a rolled-back submission gives its number back.
 */
@Component
class ReferenceGenerator {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReferenceGenerator(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    String next() {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (increment(year) == 0) {
            try {
                jdbc.update("INSERT INTO reference_counter (counter_year, last_value) VALUES (?, 1)", year);
            } catch (DuplicateKeyException concurrentFirstOfYear) {
                increment(year);
            }
        }
        Integer value = jdbc.queryForObject("SELECT last_value FROM reference_counter WHERE counter_year = ?",
                Integer.class, year);
        return "TW-%d-%04d".formatted(year, value);
    }

    private int increment(int year) {
        return jdbc.update("UPDATE reference_counter SET last_value = last_value + 1 WHERE counter_year = ?", year);
    }
}
