package org.twinflow.system.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does what a form asks once, however often it is sent. Each form carries a random submission id
 * ({@link #newSubmissionId()}); the first request with it records the id in the same transaction as the
 * work, so the work and the record commit or roll back together. A repeat — a double click, a retry
 * after a slow answer, the back button and "send again" — collides with the record's primary key: the
 * database makes it wait until the first commits (then it gets the first's result) or rolls back (then it
 * does the work itself). Nothing is done twice and nobody sees an error for a repeat. The id belongs to the form's
 * address: sent to another form, or by somebody else, it is refused ({@link FormAlreadyUsedException}).
 */
@Component
public class SubmitOnce {

    private static final Logger log = LoggerFactory.getLogger(SubmitOnce.class);
    private static final Pattern SUBMISSION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What a form's work led to: done now, or done before by the same form. */
    public sealed interface Outcome<T> {
        /** The work was done by this request. */
        record Done<T>(T result) implements Outcome<T> {
        }

        /** The same form was sent before and its work done then; {@code resultPath} is where that led. */
        record AlreadyDone<T>(String resultPath) implements Outcome<T> {
        }
    }

    /** The form was sent before on behalf of somebody else, or to another address; its result is not this request's. */
    public static class FormAlreadyUsedException extends RuntimeException {
        FormAlreadyUsedException(String submissionId) {
            super("Form submission " + submissionId + " was sent before by somebody else or to another form");
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration retention;

    SubmitOnce(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
            @Value("${twinflow.forms.submission-retention:P30D}") Duration retention) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retention = retention;
    }

    /** A fresh id for a form about to be shown. */
    public static String newSubmissionId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Runs {@code work} in a transaction of its own (services it calls join it), unless this submission
     * was done before.
     *
     * @param submissionId the id the form carried; one that is missing or malformed (not from a form of
     *        ours) gives no protection against repeats, but the work is done
     * @param resultPath where the result is shown ({@code /proposals/TW-2026-0007}), recorded for repeats
     */
    public <T> Outcome<T> run(String submissionId, String userId, Supplier<T> work, Function<T, String> resultPath) {
        if (submissionId == null || !SUBMISSION_ID.matcher(submissionId).matches()) {
            return new Outcome.Done<>(transaction.execute(status -> work.get()));
        }
        try {
            return transaction.execute(status -> {
                // First, so that a repeat waits here (on the key) rather than doing the work a second time.
                jdbc.update("INSERT INTO form_submission (submission_id, user_id, result_path, submitted_at, form_action) "
                        + "VALUES (?, ?, ?, ?, ?)", submissionId, userId, "", Timestamp.from(clock.instant()), formAction());
                T result = work.get();
                jdbc.update("UPDATE form_submission SET result_path = ? WHERE submission_id = ?", resultPath.apply(result), submissionId);
                return new Outcome.Done<>(result);
            });
        } catch (DuplicateKeyException repeated) {
            return firstResult(submissionId, userId);
        }
    }

    private <T> Outcome<T> firstResult(String submissionId, String userId) {
        String action = formAction();
        List<String> paths = action == null
                ? jdbc.queryForList("SELECT result_path FROM form_submission WHERE submission_id = ? AND user_id = ?", String.class,
                        submissionId, userId)
                : jdbc.queryForList("SELECT result_path FROM form_submission WHERE submission_id = ? AND user_id = ? "
                        + "AND (form_action IS NULL OR form_action = ?)", String.class, submissionId, userId, action);
        if (paths.isEmpty()) {
            // Sent before by somebody else (a form passed on, or a registration sent again for another address), or to
            // another form (a page's id sent with another page's fields): not a repeat of what was done.
            throw new FormAlreadyUsedException(submissionId);
        }
        log.info("Submission {} of {} repeated; answered with {}", submissionId, userId, paths.get(0));
        return new Outcome.AlreadyDone<>(paths.get(0));
    }

    /** The address the form was sent to, as the request names it; null outside a request. */
    private static String formAction() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String path = attributes.getRequest().getRequestURI();
            return path.length() > 300 ? path.substring(0, 300) : path;
        }
        return null;
    }

    /** Repeats come within minutes; a month later the record is no longer needed. */
    @Scheduled(cron = "${twinflow.forms.submission-purge-cron:0 40 3 * * *}")
    void purgeOld() {
        Integer purged = transaction.execute(status -> jdbc.update("DELETE FROM form_submission WHERE submitted_at < ?",
                Timestamp.from(clock.instant().minus(retention))));
        log.debug("Purged {} old form submissions", purged);
    }
}
