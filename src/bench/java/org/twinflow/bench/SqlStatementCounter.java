package org.twinflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * Counts every SQL statement the application sends through its DataSource, by who sent it: a web request, a job
 * of the job executor, the job executor's acquisition, or anything else (schedulers, the benchmark's own seeding).
 * A JDBC batch counts each of its rows as a statement, as the server executes them one by one (Connector/J without
 * {@code rewriteBatchedStatements}); round trips count the batch once. On demand it also keeps the writes of
 * requests and jobs with their parameters, which the raw-JDBC baseline replays.
 */
final class SqlStatementCounter implements QueryExecutionListener {

    enum Source { REQUEST, JOB, JOB_ACQUISITION, OTHER }

    enum Kind { SELECT, INSERT, UPDATE, DELETE, OTHER }

    /** A write (INSERT, UPDATE, DELETE) as the application sent it: its SQL and one parameter list per row (several for a batch). */
    record CapturedWrite(String sql, List<List<ParameterSetOperation>> rows, boolean batch) {
    }

    private final LongAdder[][] statements = new LongAdder[Source.values().length][Kind.values().length];
    private final LongAdder[] roundTrips = new LongAdder[Source.values().length];
    private volatile List<CapturedWrite> capture;

    SqlStatementCounter() {
        for (Source source : Source.values()) {
            roundTrips[source.ordinal()] = new LongAdder();
            for (Kind kind : Kind.values()) {
                statements[source.ordinal()][kind.ordinal()] = new LongAdder();
            }
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        Source source = sourceOf(Thread.currentThread().getName());
        roundTrips[source.ordinal()].increment();
        for (QueryInfo query : queries) {
            Kind kind = kindOf(query.getQuery());
            int rows = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
            statements[source.ordinal()][kind.ordinal()].add(rows);
            List<CapturedWrite> captured = capture;
            if (captured != null && kind != Kind.SELECT && kind != Kind.OTHER && (source == Source.REQUEST || source == Source.JOB)) {
                synchronized (captured) {
                    captured.add(new CapturedWrite(query.getQuery(), copyOf(query.getParametersList()), execution.isBatch()));
                }
            }
        }
    }

    Counts snapshot() {
        long[][] counted = new long[Source.values().length][Kind.values().length];
        long[] trips = new long[Source.values().length];
        for (Source source : Source.values()) {
            trips[source.ordinal()] = roundTrips[source.ordinal()].sum();
            for (Kind kind : Kind.values()) {
                counted[source.ordinal()][kind.ordinal()] = statements[source.ordinal()][kind.ordinal()].sum();
            }
        }
        return new Counts(counted, trips);
    }

    void startCapture() {
        capture = new ArrayList<>();
    }

    List<CapturedWrite> stopCapture() {
        List<CapturedWrite> captured = capture;
        capture = null;
        synchronized (captured) {
            return List.copyOf(captured);
        }
    }

    static Source sourceOf(String threadName) {
        if (threadName.startsWith("http-nio-")) {
            return Source.REQUEST;
        }
        if (threadName.startsWith("camundaTaskExecutor")) {
            return Source.JOB;
        }
        if (threadName.startsWith("JobExecutor[")) {
            return Source.JOB_ACQUISITION;
        }
        return Source.OTHER;
    }

    private static Kind kindOf(String sql) {
        String start = sql.stripLeading();
        start = start.substring(0, Math.min(6, start.length())).toLowerCase(Locale.ROOT);
        return switch (start) {
            case "select" -> Kind.SELECT;
            case "insert" -> Kind.INSERT;
            case "update" -> Kind.UPDATE;
            case "delete" -> Kind.DELETE;
            default -> Kind.OTHER;
        };
    }

    private static List<List<ParameterSetOperation>> copyOf(List<List<ParameterSetOperation>> rows) {
        List<List<ParameterSetOperation>> copy = new ArrayList<>();
        for (List<ParameterSetOperation> row : rows) {
            copy.add(new ArrayList<>(row));
        }
        return copy;
    }

    /** Statements counted so far, by source and kind; subtract two to get what happened in between. */
    record Counts(long[][] statements, long[] roundTrips) {

        Counts minus(Counts earlier) {
            long[][] difference = new long[statements.length][];
            long[] trips = new long[roundTrips.length];
            for (int source = 0; source < statements.length; source++) {
                trips[source] = roundTrips[source] - earlier.roundTrips[source];
                difference[source] = new long[statements[source].length];
                for (int kind = 0; kind < statements[source].length; kind++) {
                    difference[source][kind] = statements[source][kind] - earlier.statements[source][kind];
                }
            }
            return new Counts(difference, trips);
        }

        long of(Source source) {
            long sum = 0;
            for (long count : statements[source.ordinal()]) {
                sum += count;
            }
            return sum;
        }

        long of(Source source, Kind kind) {
            return statements[source.ordinal()][kind.ordinal()];
        }

        long roundTripsOf(Source source) {
            return roundTrips[source.ordinal()];
        }

        /** What an operation caused: its request, its jobs and their acquisition, but not unrelated background work. */
        long operation() {
            return of(Source.REQUEST) + of(Source.JOB) + of(Source.JOB_ACQUISITION);
        }

        long operationOf(Kind kind) {
            return of(Source.REQUEST, kind) + of(Source.JOB, kind) + of(Source.JOB_ACQUISITION, kind);
        }
    }
}
