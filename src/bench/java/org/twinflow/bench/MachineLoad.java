package org.twinflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How busy the machine was with other work while a phase ran: the CPU that processes other than this JVM and the
 * database server used (from /proc), in cores. A phase where others used more than half a core is marked loaded;
 * its numbers are not comparable with those of a quiet machine. Without /proc (not Linux) nothing is marked.
 */
final class MachineLoad {

    static final double LOADED_CORES = 0.5;
    private static final double CLOCK_TICKS = 100.0;

    private MachineLoad() {
    }

    /** A phase under watch. */
    static final class Window {
        private final long[] start = sample();
        private final long startNanos = System.nanoTime();
        private final double loadAverageAtStart = loadAverage();

        Map<String, Object> end() {
            long[] end = sample();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("loadAverageAtStart", loadAverageAtStart);
            load.put("seconds", Math.round(seconds * 10) / 10.0);
            if (start == null || end == null || seconds <= 0) {
                load.put("loaded", false);
                return load;
            }
            double busy = (end[0] - start[0]) / CLOCK_TICKS / seconds;
            double own = (end[1] - start[1]) / CLOCK_TICKS / seconds;
            double database = (end[2] - start[2]) / CLOCK_TICKS / seconds;
            double others = Math.max(0, busy - own - database);
            load.put("machineBusyCores", round(busy));
            load.put("benchmarkJvmCores", round(own));
            load.put("databaseServerCores", round(database));
            load.put("otherProcessesCores", round(others));
            load.put("loaded", others > LOADED_CORES);
            return load;
        }
    }

    static Window watch() {
        return new Window();
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException unavailable) {
            return -1;
        }
    }

    /** Busy jiffies of the machine, of this JVM and of the database server (mariadbd or mysqld on this machine). */
    private static long[] sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return new long[] {busy, processTicks(Path.of("/proc/self/stat")), databaseTicks()};
        } catch (IOException | RuntimeException unavailable) {
            return null;
        }
    }

    private static long databaseTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String name = Files.readString(process.resolve("comm")).strip();
                    if (name.equals("mariadbd") || name.equals("mysqld")) {
                        ticks += processTicks(process.resolve("stat"));
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static long processTicks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
