package org.twinflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fixed number of operations on each of N threads, all released at the same instant, and records each
 * operation's latency. Every failure is kept with its message; the phase decides how loudly to fail.
 */
final class ConcurrentRun {

    /** One thread's work: operation {@code i} of {@code n} on thread {@code thread}. */
    @FunctionalInterface
    interface Operation {
        void run(int thread, int iteration) throws Exception;
    }

    record Outcome(int threads, long operations, long elapsedNanos, long cpuNanos, Latencies.Summary latency, List<String> errors) {

        /** The JVM's CPU per operation that went through, in milliseconds (all threads, ProcessCpu). */
        double cpuMsPerOperation() {
            return ProcessCpu.msPer(cpuNanos, operations);
        }

        double throughputPerSecond() {
            return elapsedNanos == 0 ? 0 : operations * 1e9 / elapsedNanos;
        }
    }

    private ConcurrentRun() {
    }

    static Outcome run(int threads, int operationsPerThread, Operation operation) {
        Latencies latencies = new Latencies();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            int t = thread;
            workers.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < operationsPerThread; i++) {
                    long begin = System.nanoTime();
                    try {
                        operation.run(t, i);
                        latencies.record(System.nanoTime() - begin);
                    } catch (Exception | AssertionError failed) {
                        errors.add("thread " + t + ", operation " + i + ": " + failed);
                    }
                }
                return null;
            }));
        }
        long begin = System.nanoTime();
        long cpuBegin = ProcessCpu.nanos();
        start.countDown();
        try {
            for (Future<?> worker : workers) {
                worker.get(6, TimeUnit.HOURS);
            }
        } catch (Exception interrupted) {
            throw new IllegalStateException("A benchmark thread did not finish", interrupted);
        } finally {
            pool.shutdownNow();
        }
        long elapsed = System.nanoTime() - begin;
        long cpu = ProcessCpu.nanos() - cpuBegin;
        return new Outcome(threads, (long) threads * operationsPerThread - errors.size(), elapsed, cpu, latencies.summary(), List.copyOf(errors));
    }
}
