package org.twinflow.sql;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link SqlBudgetScenarios} on H2, counted through JDBC: every statement and every element of a JDBC
 * batch counts one, and each commit one (H2 executes a batch statement by statement).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SqlBudgetIT extends SqlBudgetScenarios {

    /**
     * Measured 71 after the cuts of docs/performance.md, "What a submission writes" (180 before): the
     * portal's request 27 (proposal with its rows, reference, form record, timeline, process start with five
     * variables and the receipt job) and the receipt job 44 (the notice, the eligibility decision with its
     * history, the screening task with its authorization and history), commits included. Measured 81 since calls
     * (issue 11): the call read by the form and again, locked, by the submission's deadline check, the call's rules read
     * by the eligibility check, three more decision inputs and the call's two routing variables. Measured 88 since
     * sessions live in the database (issue 12, two nodes): the session read at the request's start, its last access
     * and its changed attribute (the confirmation's flash message) written at the end.
     */
    static final int SUBMISSION = 88;
    /** Measured 99 (110 before): the scores, the branch's end and the aggregation's job. */
    static final int REVIEW_COMPLETION = 105;

    @Autowired SqlStatementCounter counter;

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
        counter.start();
        SqlStatementCounter.Count count;
        try {
            operation.run();
        } finally {
            count = counter.stop();
        }
        if (Boolean.getBoolean("twinflow.sql.debug")) {
            count.statements().forEach(sql -> System.out.println("SQL| " + sql.replaceAll("\\s+", " ")));
        }
        return new Measured(count.total(), count.toString());
    }
}
