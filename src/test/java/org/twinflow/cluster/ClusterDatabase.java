package org.twinflow.cluster;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.twinflow.MySqlTestDatabase;

/** What the nodes' shared database holds, read by the test beside the nodes: jobs, their log, the outbox. */
final class ClusterDatabase {

    private static final int JOB_SUCCESSFUL = 2;

    private final JdbcTemplate jdbc;

    ClusterDatabase(MySqlTestDatabase.Database database) {
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(database.jdbcUrl(), database.user(), database.password()));
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }

    /** Jobs a job executor would run now: due, with retries left, not suspended (locked or not). */
    long dueJobs() {
        return count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND RETRIES_ > 0 AND SUSPENSION_STATE_ = 1",
                Timestamp.from(Instant.now()));
    }

    /** Jobs locked by a job executor right now (acquired, running or waiting for a thread). */
    long lockedJobs() {
        return count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ > ?", Timestamp.from(Instant.now()));
    }

    /** Waits until no job is due (twice in a row, a second apart), or fails after {@code longest}. */
    void awaitNoDueJobs(Duration longest) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos();
        int quietChecks = 0;
        while (quietChecks < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(dueJobs() + " job(s) still due after " + longest + ": "
                        + jdbc.queryForList("SELECT ID_, TYPE_, HANDLER_TYPE_, LOCK_OWNER_, LOCK_EXP_TIME_, RETRIES_, EXCEPTION_MSG_ "
                                + "FROM ACT_RU_JOB WHERE (DUEDATE_ IS NULL OR DUEDATE_ <= ?) AND RETRIES_ > 0", Timestamp.from(Instant.now())));
            }
            quietChecks = dueJobs() == 0 ? quietChecks + 1 : 0;
            Thread.sleep(1000);
        }
    }

    /** Makes every timer due now, as if their time had come. */
    int makeTimersDue() {
        return jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = ? WHERE TYPE_ = 'timer'", Timestamp.from(Instant.now().minusSeconds(1)));
    }

    /** Jobs that ran to the end more than once, per the engine's job log: must be none. */
    long jobsRunMoreThanOnce() {
        return count("SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = ? GROUP BY JOB_ID_ HAVING COUNT(*) > 1) twice",
                JOB_SUCCESSFUL);
    }

    /** Successful job runs per node (the job log's host name). */
    Map<String, Long> jobsRunPerNode() {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT HOSTNAME_ AS node, COUNT(*) AS runs FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = ? GROUP BY HOSTNAME_", JOB_SUCCESSFUL);
        return rows.stream().collect(java.util.stream.Collectors.toMap(row -> String.valueOf(row.get("node")),
                row -> ((Number) row.get("runs")).longValue(), Long::sum, java.util.TreeMap::new));
    }

    long failedJobs() {
        return count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE EXCEPTION_MSG_ IS NOT NULL") + count("SELECT COUNT(*) FROM ACT_RU_INCIDENT");
    }
}
