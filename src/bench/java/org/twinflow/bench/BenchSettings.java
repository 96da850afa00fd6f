package org.twinflow.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What one run measures and where: the database server, the scales and the iteration counts. Each setting is a
 * system property ({@code -Dbench.scales=1000,10000}) or, for the server, an environment variable; the defaults
 * finish on two cores in about twenty minutes.
 */
record BenchSettings(String server, String user, String password, List<Integer> scales, List<Integer> cityCounts,
        List<Integer> staffCounts, int submissionsPerLevel, int warmUpSubmissions, int staffTasksPerLevel, int readIterations,
        int readBudgetSeconds, int costSamples, int completionsAtScale, int httpTimeoutSeconds, int seedThreads) {

    static BenchSettings fromEnvironment() {
        return new BenchSettings(
                setting("TWINFLOW_BENCH_DB_URL", "127.0.0.1:3306"),
                setting("TWINFLOW_BENCH_DB_USER", "root"),
                setting("TWINFLOW_BENCH_DB_PASSWORD", ""),
                numbers("bench.scales", "1000,10000"),
                numbers("bench.cities", "1,4,16"),
                numbers("bench.staff", "1,4"),
                number("bench.submissions", 96),
                number("bench.warmUp", 24),
                number("bench.staffTasks", 24),
                number("bench.reads", 40),
                number("bench.readBudgetSeconds", 30),
                number("bench.costSamples", 5),
                number("bench.scaleCompletions", 20),
                number("bench.httpTimeoutSeconds", 300),
                number("bench.seedThreads", 4));
    }

    int maxCities() {
        return cityCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    int maxStaff() {
        return staffCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int number(String name, int fallback) {
        return Integer.parseInt(setting(name, Integer.toString(fallback)).strip());
    }

    private static List<Integer> numbers(String name, String fallback) {
        return Arrays.stream(setting(name, fallback).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> Integer.parseInt(s.replace("_", ""))).toList();
    }
}
