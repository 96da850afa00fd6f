package org.twinflow.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the engine's tables on a connection of the benchmark's own (so that polling is neither counted as the
 * application's statements nor queued in its pool): waits until proposals wait at screening with none of their
 * jobs left, until no asynchronous job is left at all, and fails loudly on any incident or failed job.
 */
final class ProcessWatch implements AutoCloseable {

    private static final long POLL_MILLIS = 10;

    private final Connection connection;
    private final AtomicLong ownQueries = new AtomicLong();

    ProcessWatch(BenchDatabase database, String databaseName) throws SQLException {
        this.connection = database.connection(databaseName);
        this.connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
    }

    /** Waits until every proposal waits at screening and has no job left; returns how long that took. */
    long awaitAtScreening(Collection<String> references, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        List<String> keys = new ArrayList<>(references);
        String in = String.join(",", keys.stream().map(k -> "?").toList());
        String atScreening = "SELECT COUNT(DISTINCT e.BUSINESS_KEY_) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ "
                + "WHERE t.TASK_DEF_KEY_ = 'Task_ScreenProposal' AND e.BUSINESS_KEY_ IN (" + in + ")";
        String jobsLeft = "SELECT COUNT(*) FROM ACT_RU_JOB j JOIN ACT_RU_EXECUTION e ON e.ID_ = j.PROCESS_INSTANCE_ID_ "
                + "WHERE j.TYPE_ = 'message' AND e.BUSINESS_KEY_ IN (" + in + ")";
        while (true) {
            failOnIncidents();
            if (count(atScreening, keys) == keys.size() && count(jobsLeft, keys) == 0) {
                return System.nanoTime() - start;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + count(atScreening, keys) + " of " + keys.size() + " submissions reached screening within "
                        + timeout.toSeconds() + " s (" + count(jobsLeft, keys) + " of their jobs left)");
            }
            pause();
        }
    }

    /** Waits until no asynchronous continuation (message job) is left; timers due later may stay. */
    long awaitJobsDone(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            failOnIncidents();
            long left = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'message' OR (TYPE_ = 'timer' AND DUEDATE_ <= NOW())", List.of());
            if (left == 0) {
                return System.nanoTime() - start;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(left + " jobs still due after " + timeout.toSeconds() + " s");
            }
            pause();
        }
    }

    /** An incident, or a job that failed and waits for its retry, ends the run: the product broke under load. */
    void failOnIncidents() {
        String incident = first("SELECT CONCAT(INCIDENT_TYPE_, ': ', COALESCE(INCIDENT_MSG_, ''), ' (activity ', COALESCE(ACTIVITY_ID_, ''), ')') "
                + "FROM ACT_RU_INCIDENT");
        if (incident != null) {
            throw new AssertionError("Incident in the engine: " + incident);
        }
        String failedJob = first("SELECT CONCAT(COALESCE(HANDLER_CFG_, ''), ': ', EXCEPTION_MSG_) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL");
        if (failedJob != null) {
            throw new AssertionError("A job failed: " + failedJob);
        }
    }

    long count(String sql, List<?> parameters) {
        ownQueries.incrementAndGet();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(sql, failed);
        }
    }

    String first(String sql, Object... parameters) {
        ownQueries.incrementAndGet();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(sql, failed);
        }
    }

    /** The SELECTs this watch has sent, to take them out of the server's counters. */
    long ownQueries() {
        return ownQueries.get();
    }

    /** The server's statement counters ({@code Com_*}), read on this connection (a new one would add its own set-up). */
    Map<String, Long> serverCounters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Com\\_%'")) {
            while (status.next()) {
                counters.put(status.getString(1), status.getLong(2));
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot read the server's statement counters", failed);
        }
        return counters;
    }

    Connection connection() {
        return connection;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
