package org.twinflow.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.MySqlTestDatabase;

/**
 * {@link SqlBudgetScenarios} on the MySQL-compatible server with the production connection settings,
 * counted by the server itself (the {@code Com_*} status counters: selects, inserts, updates, deletes,
 * commits, rollbacks and SET statements), as the measurements were. The application gets a pool
 * of one connection here (nothing in these operations needs two at once), so the counters of that
 * connection's session are exactly the operation's, whatever else the server is doing.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("mysql")
@AutoConfigureMockMvc
@DirtiesContext // close the application before the database is dropped
class MySqlSqlBudgetIT extends SqlBudgetScenarios {

    /** The statements that do the application's work, as the server counts them. */
    static final String[] COUNTED = {"Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit", "Com_rollback",
            "Com_set_option", "Com_begin"};

    /**
     * The target: at most 60 including the receipt notice (216 before, on MySQL's counters). Measured
     * 56 on MariaDB 10.11 (the measurement's own rollback included): the engine's batched inserts arrive as
     * one statement per table (rewriteBatchedStatements) and connections stay out of auto-commit, so no
     * transaction sends SET statements around it (docs/performance.md, "Tuning steps"). Measured 61 since calls
     * (issue 11): the submission reads its call twice (the form's check, then the deadline check under a lock in the
     * submission's transaction) and the eligibility check reads the call's rules; the target is missed by one statement.
     * Measured 68 since sessions live in the database (issue 12, two nodes): the session read at the request's start
     * and written at its end (last access, the confirmation's flash message), in transactions of their own.
     */
    static final int SUBMISSION = 68;
    /** Measured 104: the scores, the review branch's end and the aggregation's job. */
    static final int REVIEW_COMPLETION = 110;

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itbudgetadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "1");
        registry.add("spring.datasource.hikari.minimum-idle", () -> "1");
    }

    @Autowired DataSource dataSource;

    @Override
    int submissionBudget() {
        return SUBMISSION;
    }

    @Override
    int reviewCompletionBudget() {
        return REVIEW_COMPLETION;
    }

    @Override
    Measured measure(ThrowingRunnable operation) throws Exception {
        Map<String, Long> before = serverCounters();
        operation.run();
        Map<String, Long> after = serverCounters();
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((name, value) -> {
            long difference = value - before.getOrDefault(name, 0L);
            if (difference != 0) {
                delta.put(name, difference);
            }
        });
        int total = 0;
        for (String counted : COUNTED) {
            total += delta.getOrDefault(counted, 0L).intValue();
        }
        String breakdown = delta.entrySet().stream().map(e -> "  " + e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n"));
        return new Measured(total, breakdown);
    }

    /** The session counters of the application's one connection (borrowed while the application is idle). */
    private Map<String, Long> serverCounters() throws SQLException {
        Map<String, Long> counters = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW SESSION STATUS LIKE 'Com\\_%'")) {
            while (result.next()) {
                counters.put(result.getString(1), result.getLong(2));
            }
        }
        return counters;
    }
}
