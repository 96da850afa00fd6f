package org.twinflow;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs the engine's due asynchronous continuations in tests, where the job executor is off. */
public final class Jobs {

    private static final int MAX_ROUNDS = 50;

    private Jobs() {
    }

    /** Executes due asynchronous continuations (not timers) until none is left. */
    public static void runAsync(ManagementService management) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> jobs = management.createJobQuery().messages().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("Asynchronous jobs were still due after " + MAX_ROUNDS + " rounds: "
                + management.createJobQuery().messages().executable().list());
    }
}
