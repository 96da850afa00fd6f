package org.twinflow.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time used by this JVM, all threads together: the application's request and job threads, and the benchmark's own
 * HTTP client and polling, which run in the same JVM (a small share: the client sends and reads the exchange, the
 * polling is one query per poll).
 */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    static long nanos() {
        return OS.getProcessCpuTime();
    }

    /** Milliseconds per operation, one decimal. */
    static double msPer(long cpuNanos, long operations) {
        return operations == 0 ? 0 : Math.round(cpuNanos / 1e5 / operations) / 10.0;
    }
}
