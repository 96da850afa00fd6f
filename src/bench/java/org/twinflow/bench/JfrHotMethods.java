package org.twinflow.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a benchmark phase spends its CPU, from a Java Flight Recording of the run (docs/performance.md, "Where a
 * submission's CPU goes"): the share of execution samples in which each method is on the stack, for the samples of
 * one time window and of threads whose name matches.
 *
 * <pre>
 * ./mvnw -Pbench verify ... "-DargLine=-XX:FlightRecorderOptions=stackdepth=512 -XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile"
 * java src/bench/java/org/twinflow/bench/JfrHotMethods.java /tmp/bench.jfr 2026-12-01T00:59:40Z 2026-12-01T00:59:58Z \
 *      'http-nio|camundaTaskExecutor' 'twinflow|thymeleaf.TemplateEngine|DmnEngine|ResourceUrlProvider' 40
 * </pre>
 *
 * Arguments: the recording, the window's start and end (UTC, as the benchmark's progress lines show them), a pattern of
 * thread names, a pattern of the methods to list (class and method name), and how many to list. JFR keeps 64 frames
 * per stack by default, fewer than the engine's stacks have, so that outer frames (the job runner, the servlet) are
 * missing from deep samples: raise {@code stackdepth} as above.
 */
public final class JfrHotMethods {

    private JfrHotMethods() {
    }

    public static void main(String[] args) throws Exception {
        Instant from = Instant.parse(args[1]);
        Instant to = Instant.parse(args[2]);
        Pattern threads = Pattern.compile(args[3]);
        Pattern methods = Pattern.compile(args[4]);
        int limit = Integer.parseInt(args[5]);
        Map<String, Integer> onStack = new HashMap<>();
        Map<String, Integer> byThread = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
                    || event.getStartTime().isAfter(to)) {
                continue;
            }
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            RecordedStackTrace stack = event.getStackTrace();
            if (!threads.matcher(thread).find() || stack == null) {
                continue;
            }
            samples++;
            byThread.merge(thread.replaceAll("\\d+", "#"), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (methods.matcher(method).find() && seen.add(method)) {
                    onStack.merge(method, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d samples; by thread: %s%n", samples, byThread);
        int all = Math.max(1, samples);
        List<Map.Entry<String, Integer>> top = onStack.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit).toList();
        top.forEach(entry -> System.out.printf("%6d %5.1f %%  %s%n", entry.getValue(), 100.0 * entry.getValue() / all, entry.getKey()));
    }
}
