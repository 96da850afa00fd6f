package org.twinflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The staff at work as Tasklist makes them work, by 1 and 4 people at once: every shared filter's first page (with
 * its count, as Tasklist asks for it) and its count alone, each by the role that works with it; then the completion
 * of screening, reviewer assignment, conflict declaration, scoring and the committee's decision of the same
 * proposals, one stage after the other, each staff thread on proposals of its own.
 */
final class StaffWork {

    private static final Duration WAIT = Duration.ofMinutes(5);

    private final BenchPeople people;
    private final StaffTasks staff;
    private final ProcessWatch watch;
    private final List<SharedFilters.SharedFilter> filters;
    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    private final List<String> errors = new ArrayList<>();

    StaffWork(BenchPeople people, StaffTasks staff, ProcessWatch watch, List<SharedFilters.SharedFilter> filters) {
        this.people = people;
        this.staff = staff;
        this.watch = watch;
        this.filters = filters;
    }

    /** Each filter listed and counted twice by each user who will measure it, so that the first measured call is not the first call. */
    void warmUp(int users) {
        for (int thread = 0; thread < users; thread++) {
            for (SharedFilters.SharedFilter filter : filters) {
                TasklistSession session = staff.session(SharedFilters.userFor(filter.role(), people, thread));
                for (int i = 0; i < 2; i++) {
                    session.filterList(filter.id());
                    session.filterCount(filter.id());
                }
            }
        }
    }

    /** Filters and completions by {@code users} staff at once, on {@code proposals} waiting at screening. */
    void run(int users, List<String> proposals, int readIterations) {
        for (SharedFilters.SharedFilter filter : filters) {
            record("filter " + filter.name() + ": list", users, ConcurrentRun.run(users, readIterations, (thread, i) ->
                    staff.session(SharedFilters.userFor(filter.role(), people, thread)).filterList(filter.id())));
            record("filter " + filter.name() + ": count", users, ConcurrentRun.run(users, readIterations, (thread, i) ->
                    staff.session(SharedFilters.userFor(filter.role(), people, thread)).filterCount(filter.id())));
        }
        List<List<String>> perThread = new ArrayList<>();
        for (int thread = 0; thread < users; thread++) {
            perThread.add(new ArrayList<>());
        }
        for (int i = 0; i < proposals.size(); i++) {
            perThread.get(i % users).add(proposals.get(i));
        }
        stage("complete screening", users, perThread, (thread, reference) ->
                List.of(staff.screening(reference, people.secretariat.get(thread))));
        stage("complete reviewer assignment", users, perThread, (thread, reference) ->
                List.of(staff.reviewerAssignment(reference, people.secretariat.get(thread), people.reviewerPair(thread))));
        stage("complete conflict declaration", users, perThread, (thread, reference) ->
                people.reviewerPair(thread).stream().map(reviewer -> staff.noConflict(reference, reviewer)).toList());
        stage("complete scoring", users, perThread, (thread, reference) ->
                people.reviewerPair(thread).stream().map(reviewer -> staff.scores(reference, reviewer)).toList());
        stage("complete decision (reject)", users, perThread, (thread, reference) ->
                List.of(staff.rejection(reference, people.committee.get(thread))));
    }

    /** One stage: the tasks are looked up first, then completed by the threads at once; then their jobs run out. */
    private void stage(String name, int users, List<List<String>> perThread,
            BiFunction<Integer, String, List<StaffTasks.Completion>> completionsOf) {
        List<List<StaffTasks.Completion>> work = new ArrayList<>();
        int perUser = Integer.MAX_VALUE;
        for (int thread = 0; thread < users; thread++) {
            List<StaffTasks.Completion> own = new ArrayList<>();
            for (String reference : perThread.get(thread)) {
                own.addAll(completionsOf.apply(thread, reference));
            }
            work.add(own);
            perUser = Math.min(perUser, own.size());
        }
        record(name, users, ConcurrentRun.run(users, perUser, (thread, i) -> staff.complete(work.get(thread).get(i))));
        watch.awaitJobsDone(WAIT);
    }

    private void record(String operation, int users, ConcurrentRun.Outcome outcome) {
        Map<String, Object> result = new LinkedHashMap<>(outcome.latency().asMap());
        result.put("errors", outcome.errors().size());
        result.put("throughputPerSecond", Math.round(outcome.throughputPerSecond() * 10) / 10.0);
        results.computeIfAbsent(operation, o -> new LinkedHashMap<>()).put(Integer.toString(users), result);
        outcome.errors().stream().limit(5).forEach(error -> errors.add(operation + " by " + users + ": " + error));
        System.out.printf("[bench]   %-45s %d user(s): p50 %.1f ms, p95 %.1f ms, errors %d%n", operation, users,
                outcome.latency().p50(), outcome.latency().p95(), outcome.errors().size());
    }

    Map<String, Map<String, Object>> results() {
        return results;
    }

    List<String> errors() {
        return errors;
    }
}
