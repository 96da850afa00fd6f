package org.twinflow.bench;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.twinflow.tasklist.TasklistFilters;

/** Tasklist's shared filters, each with the staff role that works with it (whose session lists it). */
final class SharedFilters {

    enum Role { SECRETARIAT, REVIEWER, COMMITTEE }

    record SharedFilter(String name, String id, Role role) {
    }

    private SharedFilters() {
    }

    static List<SharedFilter> of(TwinflowUnderTest app) {
        FilterService filters = app.engine().getFilterService();
        List<SharedFilter> shared = new ArrayList<>();
        add(shared, filters, TasklistFilters.SCREENING, Role.SECRETARIAT);
        add(shared, filters, TasklistFilters.ASSIGN_REVIEWERS, Role.SECRETARIAT);
        add(shared, filters, TasklistFilters.MY_REVIEWS, Role.REVIEWER);
        add(shared, filters, TasklistFilters.DECISIONS, Role.COMMITTEE);
        add(shared, filters, TasklistFilters.AGREEMENTS_AND_REPORTS, Role.SECRETARIAT);
        add(shared, filters, TasklistFilters.OVERDUE, Role.SECRETARIAT);
        return shared;
    }

    /** The user of staff thread {@code thread} in a role: its secretariat officer, the first of its reviewers, its committee member. */
    static String userFor(Role role, BenchPeople people, int thread) {
        return switch (role) {
            case SECRETARIAT -> people.secretariat.get(thread);
            case REVIEWER -> people.reviewerPair(thread).get(0);
            case COMMITTEE -> people.committee.get(thread);
        };
    }

    private static void add(List<SharedFilter> shared, FilterService filters, String name, Role role) {
        var found = filters.createTaskFilterQuery().filterName(name).singleResult();
        if (found == null) {
            throw new IllegalStateException("The shared filter '" + name + "' does not exist");
        }
        shared.add(new SharedFilter(name, found.getId(), role));
    }
}
