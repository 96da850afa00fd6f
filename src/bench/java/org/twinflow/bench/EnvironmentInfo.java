package org.twinflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine and the JVM a run measured on, and the commit it measured. */
final class EnvironmentInfo {

    private EnvironmentInfo() {
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", firstLineStarting(Path.of("/proc/cpuinfo"), "model name"));
        machine.put("memory", firstLineStarting(Path.of("/proc/meminfo"), "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("osRelease", firstLineStarting(Path.of("/etc/os-release"), "PRETTY_NAME"));
        machine.put("loadAverageAtStart", MachineLoad.loadAverage());
        return machine;
    }

    static Map<String, Object> jvm() {
        Map<String, Object> jvm = new LinkedHashMap<>();
        jvm.put("version", System.getProperty("java.version"));
        jvm.put("vendor", System.getProperty("java.vendor"));
        jvm.put("vm", System.getProperty("java.vm.name"));
        jvm.put("arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        jvm.put("maxHeapMegabytes", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        jvm.put("garbageCollectors", ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName()).toList());
        return jvm;
    }

    static String commit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String head = new String(git.getInputStream().readAllBytes()).strip();
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
            return head + (dirty ? " (with uncommitted changes)" : "");
        } catch (IOException unavailable) {
            return "unknown";
        }
    }

    private static String firstLineStarting(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).strip().replace("\"", "")).orElse("unknown");
        } catch (IOException | RuntimeException unavailable) {
            return "unknown";
        }
    }
}
