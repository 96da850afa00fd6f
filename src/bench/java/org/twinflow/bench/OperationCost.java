package org.twinflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import org.twinflow.bench.SqlStatementCounter.Counts;
import org.twinflow.bench.SqlStatementCounter.Kind;
import org.twinflow.bench.SqlStatementCounter.Source;

/**
 * What single operations cost in SQL: each sample is one operation run alone, from its request until its jobs are
 * done, counted by the application's statement counter and, as a cross-check, by the server's own counters
 * ({@code Com_*}; server-wide, so other clients of the same server add to them).
 */
final class OperationCost {

    /** One operation's statements: the application's count and the server's. */
    record Sample(Counts application, Map<String, Long> server) {
    }

    private final String name;
    private final List<Sample> samples = new ArrayList<>();

    OperationCost(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Runs the operation and what waits for its jobs, and keeps what it cost. */
    void measure(TwinflowUnderTest app, ProcessWatch watch, Runnable operationUntilDone) {
        Map<String, Long> serverBefore = watch.serverCounters();
        long watchBefore = watch.ownQueries();
        Counts before = app.statements().snapshot();
        operationUntilDone.run();
        Counts after = app.statements().snapshot();
        long watchQueries = watch.ownQueries() - watchBefore;
        Map<String, Long> serverAfter = watch.serverCounters();
        Map<String, Long> serverDelta = new LinkedHashMap<>();
        serverAfter.forEach((counter, value) -> {
            long delta = value - serverBefore.getOrDefault(counter, 0L);
            if (delta != 0) {
                serverDelta.put(counter, delta);
            }
        });
        // the benchmark's own SHOW STATUS and the watch's polling
        serverDelta.remove("Com_show_status");
        serverDelta.computeIfPresent("Com_select", (counter, value) -> value - watchQueries == 0 ? null : value - watchQueries);
        samples.add(new Sample(after.minus(before), serverDelta));
    }

    /** The median over the samples of the operation's statements (request, jobs, acquisition). */
    long medianStatements() {
        return median(s -> s.application().operation());
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", samples.size());
        summary.put("statementsMedian", medianStatements());
        summary.put("statementsMin", samples.stream().mapToLong(s -> s.application().operation()).min().orElse(0));
        summary.put("statementsMax", samples.stream().mapToLong(s -> s.application().operation()).max().orElse(0));
        Map<String, Object> bySource = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            bySource.put(source.name().toLowerCase(), median(s -> s.application().of(source)));
        }
        summary.put("statementsBySourceMedian", bySource);
        Map<String, Object> byKind = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            byKind.put(kind.name().toLowerCase(), median(s -> s.application().operationOf(kind)));
        }
        summary.put("statementsByKindMedian", byKind);
        summary.put("roundTripsMedian", median(s -> s.application().roundTripsOf(Source.REQUEST) + s.application().roundTripsOf(Source.JOB)
                + s.application().roundTripsOf(Source.JOB_ACQUISITION)));
        summary.put("serverStatementsMedian", median(s -> serverStatements(s.server())));
        summary.put("serverCountersMedian", serverCounterMedians());
        return summary;
    }

    /** The server's count of statements that do work: queries and changes, commits and rollbacks, and session settings. */
    private static long serverStatements(Map<String, Long> counters) {
        return counters.entrySet().stream().filter(e -> !e.getKey().equals("Com_show_status") && !e.getKey().startsWith("Com_stmt_"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private Map<String, Long> serverCounterMedians() {
        Map<String, Long> medians = new LinkedHashMap<>();
        samples.stream().flatMap(s -> s.server().keySet().stream()).distinct().sorted()
                .forEach(counter -> medians.put(counter, median(s -> s.server().getOrDefault(counter, 0L))));
        return medians;
    }

    private long median(ToLongFunction<Sample> value) {
        long[] values = samples.stream().mapToLong(value).sorted().toArray();
        return values.length == 0 ? 0 : values[values.length / 2];
    }
}
