package org.twinflow.proposal;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out proposal references {@code TW-<year>-<4 digits>}, counting per year. The counter row is
 * locked by the UPDATE until the surrounding transaction ends, so concurrent submissions never share
 * a number; a rolled-back submission gives its number back.
 * <p>
 * The rows of this year and the next are created at start and every night, outside any submission:
 * when submissions had to create the year's row themselves, several at once deadlocked on MySQL (each
 * waiting, after the first insert, to update a row the others held shared locks on).
 */
@Component
class ReferenceGenerator {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;

    ReferenceGenerator(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
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

    /** Creates the counters of this year and the next, if missing; each insert commits on its own. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${twinflow.references.counter-check-cron:0 10 0 * * *}")
    void ensureCountersOfThisYearAndNext() {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        for (int counterYear : new int[] {year, year + 1}) {
            transaction.executeWithoutResult(status -> {
                if (jdbc.queryForObject("SELECT COUNT(*) FROM reference_counter WHERE counter_year = ?", Integer.class, counterYear) == 0) {
                    jdbc.update("INSERT INTO reference_counter (counter_year, last_value) VALUES (?, 0)", counterYear);
                }
            });
        }
    }

    private int increment(int year) {
        return jdbc.update("UPDATE reference_counter SET last_value = last_value + 1 WHERE counter_year = ?", year);
    }
}
