package org.twinflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies of one measurement, recorded from any thread into an HdrHistogram (microseconds, 3 significant digits). */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(30), 3);

    void record(long nanos) {
        histogram.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    Summary summary() {
        return new Summary(histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()), histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1000.0);
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }

    /** Percentiles in milliseconds. */
    record Summary(long count, double p50, double p95, double p99, double max, double mean) {

        Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("count", count);
            map.put("p50Ms", p50);
            map.put("p95Ms", p95);
            map.put("p99Ms", p99);
            map.put("maxMs", max);
            map.put("meanMs", Math.round(mean * 1000) / 1000.0);
            return map;
        }
    }
}
