package org.twinflow;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Waiting for the engine when its job executor runs in the background, as in production (tests with it switched on). */
public final class RunningJobExecutor {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private RunningJobExecutor() {
    }

    /** Looks again until the condition holds, for at most 30 seconds. */
    public static void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        waitUntil(condition, what, PATIENCE);
    }

    /** Looks again until the condition holds, for at most {@code patience}. */
    public static void waitUntil(BooleanSupplier condition, String what, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still waiting after " + patience.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The proposal's task with this key (of this assignee, when given), once the jobs before it have run. */
    public static Task waitForTask(TaskService tasks, String reference, String taskKey, String assignee) throws InterruptedException {
        Task[] found = new Task[1];
        waitUntil(() -> {
            var query = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey);
            found[0] = (assignee == null ? query : query.taskAssignee(assignee)).singleResult();
            return found[0] != null;
        }, taskKey + " of " + reference);
        return found[0];
    }
}
