package org.twinflow.bench;

import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * The staff's sessions and what they enter into each task's Camunda Form, sent as Tasklist sends it
 * ({@code submit-form}). Finding the task (which Tasklist does by listing a filter) happens through the engine's
 * API beforehand, outside any measurement.
 */
final class StaffTasks {

    /** A staff task to complete: its id, the user who completes it and the form's values. */
    record Completion(String taskId, String userId, Map<String, Object> variables) {
    }

    private final TaskService taskService;
    private final Map<String, TasklistSession> sessions = new LinkedHashMap<>();

    StaffTasks(TwinflowUnderTest app, BenchPeople people, Duration timeout) {
        this.taskService = app.engine().getTaskService();
        for (String user : people.secretariat) {
            sessions.put(user, TasklistSession.signIn(app.port(), app.engineName(), user, BenchPeople.PASSWORD, timeout));
        }
        for (String user : people.reviewers) {
            sessions.put(user, TasklistSession.signIn(app.port(), app.engineName(), user, BenchPeople.PASSWORD, timeout));
        }
        for (String user : people.committee) {
            sessions.put(user, TasklistSession.signIn(app.port(), app.engineName(), user, BenchPeople.PASSWORD, timeout));
        }
    }

    TasklistSession session(String userId) {
        return sessions.get(userId);
    }

    void complete(Completion completion) {
        sessions.get(completion.userId()).submitForm(completion.taskId(), completion.variables());
    }

    Completion screening(String reference, String officer) {
        return new Completion(task(reference, TASK_SCREEN_PROPOSAL, null), officer, Map.of(SCREENING_OUTCOME, "complete"));
    }

    Completion reviewerAssignment(String reference, String officer, List<String> reviewers) {
        return new Completion(task(reference, TASK_ASSIGN_REVIEWERS, null), officer, Map.of(REVIEWERS, reviewers));
    }

    Completion noConflict(String reference, String reviewer) {
        return new Completion(task(reference, TASK_DECLARE_CONFLICT_OF_INTEREST, reviewer), reviewer, Map.of(CONFLICT_OF_INTEREST, "none"));
    }

    Completion scores(String reference, String reviewer) {
        return new Completion(task(reference, TASK_SCORE_PROPOSAL, reviewer), reviewer, Map.of(SCORE_RELEVANCE, 4,
                SCORE_SDG_CONTRIBUTION, 4, SCORE_FEASIBILITY, 3, SCORE_PARTNERSHIP_QUALITY, 5, SCORE_SUSTAINABILITY, 3,
                REVIEW_COMMENT, "Clear plan and realistic budget; the exchange builds on Toyama's light-rail experience.",
                RECOMMENDATION, "fund"));
    }

    Completion rejection(String reference, String member) {
        return new Completion(task(reference, TASK_DECIDE_ON_PROPOSAL, null), member, Map.of(DECISION, "reject",
                DECISION_FEEDBACK, "The committee thanks the cities; the call's budget is spent on proposals with a wider reach."));
    }

    private String task(String reference, String taskKey, String assignee) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey);
        if (assignee != null) {
            query.taskAssignee(assignee);
        }
        List<Task> tasks = query.list();
        if (tasks.size() != 1) {
            throw new AssertionError(tasks.size() + " tasks " + taskKey + " of " + reference + (assignee == null ? "" : " for " + assignee));
        }
        return tasks.get(0).getId();
    }
}
