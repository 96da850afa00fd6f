package org.twinflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Prints a run's results as tables and writes all of them to target/bench/results.json. */
final class BenchReport {

    static final Path RESULTS = Path.of("target", "bench", "results.json");

    private BenchReport() {
    }

    static void write(Map<String, Object> results) throws IOException {
        Files.createDirectories(RESULTS.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(RESULTS.toFile(), results);
    }

    static String tables(Map<String, Object> results) {
        List<String> tables = new ArrayList<>();
        tables.add(submissions(results));
        tables.add(staffWork(results));
        tables.add(basicAuth(results));
        tables.add(costs(results));
        tables.add(history(results));
        tables.add(scales(results));
        tables.add(loadNote(results));
        return String.join("\n", tables.stream().filter(t -> !t.isBlank()).toList());
    }

    private static String submissions(Map<String, Object> results) {
        Map<String, Object> portal = map(results, "submissions");
        if (portal.isEmpty()) {
            return "";
        }
        ResultTable table = new ResultTable("Submissions through the portal until waiting at screening, and the baselines (same run, JVM and server)"
                + loaded(results, "submissions"),
                "cities", "subm./s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "bare starts/s", "bare p50", "raw tx/s", "raw p50",
                "subm./bare", "subm./raw", "CPU ms/subm.", "CPU ms/bare");
        for (String cities : portal.keySet()) {
            Map<String, Object> level = map(portal, cities);
            Map<String, Object> latency = map(level, "latency");
            Map<String, Object> bare = map(map(results, "bareEngine"), cities);
            Map<String, Object> raw = map(map(results, "rawJdbc"), cities);
            Map<String, Object> ratio = map(map(results, "ratios"), cities);
            table.row(cities, level.get("throughputToScreeningPerSecond"), latency.get("p50Ms"), latency.get("p95Ms"), latency.get("p99Ms"),
                    latency.get("maxMs"), level.get("errors"), bare.get("throughputPerSecond"), map(bare, "latency").get("p50Ms"),
                    raw.get("throughputPerSecond"), map(raw, "latency").get("p50Ms"), ratio(ratio.get("submissionToBareEngine")),
                    ratio(ratio.get("submissionToRawJdbc")), level.get("jvmCpuMsPerSubmission"), bare.get("jvmCpuMsPerOperation"));
        }
        return table.render();
    }

    private static String staffWork(Map<String, Object> results) {
        Map<String, Object> work = map(results, "staffWork");
        if (work.isEmpty()) {
            return "";
        }
        ResultTable table = new ResultTable("Staff work as Tasklist sends it (session, X-XSRF-TOKEN)" + loaded(results, "staffWork"),
                "operation", "users", "p50 ms", "p95 ms", "p99 ms", "max ms", "runs", "errors");
        work.forEach((operation, byUsers) -> map(work, operation).forEach((users, summary) -> {
            Map<String, Object> s = map(map(work, operation), users);
            table.row(operation, users, s.get("p50Ms"), s.get("p95Ms"), s.get("p99Ms"), s.get("maxMs"), s.get("count"), s.get("errors"));
        }));
        return table.render();
    }

    private static String basicAuth(Map<String, Object> results) {
        Map<String, Object> basic = map(results, "basicAuth");
        if (basic.isEmpty()) {
            return "";
        }
        ResultTable table = new ResultTable("HTTP Basic on /engine-rest vs. the session, " + basic.get("resource") + " (one user, signed in a moment ago)",
                "client", "p50 ms", "p95 ms", "p99 ms", "max ms", "runs");
        for (String client : List.of("basic", "session")) {
            Map<String, Object> s = map(basic, client);
            table.row(client.equals("basic") ? "REST API, HTTP Basic" : "webapp API, session", s.get("p50Ms"), s.get("p95Ms"), s.get("p99Ms"),
                    s.get("maxMs"), s.get("count"));
        }
        table.row("Basic adds at p50", basic.get("basicAddsAtP50Ms"));
        return table.render();
    }

    private static String costs(Map<String, Object> results) {
        Map<String, Object> costs = map(results, "costPerOperation");
        if (costs.isEmpty()) {
            return "";
        }
        ResultTable table = new ResultTable("SQL statements per operation, each alone until its jobs are done (median of the samples; "
                + "server: Com_* deltas, server-wide)", "operation", "statements", "request", "jobs", "acquisition", "select", "insert",
                "update", "delete", "round trips", "server");
        costs.forEach((operation, summary) -> {
            Map<String, Object> s = map(costs, operation);
            Map<String, Object> source = map(s, "statementsBySourceMedian");
            Map<String, Object> kind = map(s, "statementsByKindMedian");
            table.row(operation, s.get("statementsMedian"), source.get("request"), source.get("job"), source.get("job_acquisition"),
                    kind.get("select"), kind.get("insert"), kind.get("update"), kind.get("delete"), s.get("roundTripsMedian"),
                    s.get("serverStatementsMedian"));
        });
        return table.render();
    }

    private static String history(Map<String, Object> results) {
        Map<String, Object> history = map(results, "historyPerFinishedProposal");
        if (history.isEmpty()) {
            return "";
        }
        ResultTable table = new ResultTable("History per finished proposal (submitted, screened, two reviews, rejected; "
                + history.get("finishedProposals") + " proposals)", "table", "rows", "bytes");
        Map<String, Object> tables = map(history, "tables");
        tables.forEach((name, size) -> table.row(name, map(tables, name).get("rowsPerProposal"), map(tables, name).get("bytesPerProposal")));
        table.row("total", history.get("rowsPerProposal"), history.get("bytesPerProposal"));
        return table.render();
    }

    private static String scales(Map<String, Object> results) {
        Map<String, Object> scales = map(results, "scales");
        if (scales.isEmpty()) {
            return "";
        }
        List<String> headers = new ArrayList<>(List.of("at N proposals"));
        for (String scale : scales.keySet()) {
            headers.add(scale + " p50");
            headers.add(scale + " p95");
        }
        StringBuilder title = new StringBuilder("Reads and completions as the data grows (one user; ms)");
        scales.keySet().forEach(scale -> title.append(loaded(results, "scale " + scale).isEmpty() ? "" : " [" + scale + " loaded]"));
        ResultTable table = new ResultTable(title.toString(), headers.toArray(String[]::new));
        String first = scales.keySet().iterator().next();
        for (String operation : map(map(scales, first), "reads").keySet()) {
            List<Object> row = new ArrayList<>(List.of(operation));
            for (String scale : scales.keySet()) {
                Map<String, Object> s = map(map(map(scales, scale), "reads"), operation);
                if (s.containsKey("statementsMedian")) {
                    row.add(s.get("statementsMedian") + " stmts");
                    row.add("");
                } else {
                    row.add(s.get("p50Ms"));
                    row.add(s.get("p95Ms"));
                }
            }
            table.row(row.toArray());
        }
        for (String fact : List.of("openTasks", "overdueTasks", "ACT_HI_ACTINST", "databaseMegabytes")) {
            List<Object> row = new ArrayList<>(List.of(fact));
            for (String scale : scales.keySet()) {
                row.add(map(map(scales, scale), "inventory").get(fact));
                row.add("");
            }
            table.row(row.toArray());
        }
        List<Object> seeding = new ArrayList<>(List.of("seeding s (+ jobs after)"));
        for (String scale : scales.keySet()) {
            Map<String, Object> s = map(map(scales, scale), "seeding");
            seeding.add(s.get("seedingSeconds") + " + " + s.get("jobsAfterSeedingSeconds"));
            seeding.add("");
        }
        table.row(seeding.toArray());
        return table.render();
    }

    private static String ratio(Object value) {
        return value instanceof Number number ? String.format("%.3f", number.doubleValue()) : "n/a";
    }

    private static String loadNote(Map<String, Object> results) {
        Map<String, Object> load = map(results, "load");
        List<String> loaded = new ArrayList<>();
        load.forEach((phase, window) -> {
            if (Boolean.TRUE.equals(map(load, phase).get("loaded"))) {
                loaded.add(phase + " (other processes: " + map(load, phase).get("otherProcessesCores") + " cores)");
            }
        });
        return loaded.isEmpty() ? "Machine quiet in every phase (other processes below " + MachineLoad.LOADED_CORES + " cores).\n"
                : "MACHINE LOADED during: " + String.join(", ", loaded) + " - those numbers are not comparable with a quiet run.\n";
    }

    private static String loaded(Map<String, Object> results, String phase) {
        Map<String, Object> window = map(map(results, "load"), phase);
        return Boolean.TRUE.equals(window.get("loaded")) ? " [MACHINE LOADED: others used " + window.get("otherProcessesCores") + " cores]" : "";
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent == null ? null : parent.get(key);
        return value instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
    }
}
