package org.twinflow.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.twinflow.MySqlTestDatabase;

/**
 * Twinflow as it runs in production: the packaged jar ({@code target/twinflow-*.jar}, built by {@code ./mvnw verify}
 * before the integration tests) in a JVM of its own, on the production profile against a test database, with the demo
 * accounts. A test starts one or more, stops them, or kills one as a power cut would ({@code kill -9}).
 * Each node's output goes to {@code target/nodes/<name>-<n>.log}.
 */
final class ApplicationNode implements AutoCloseable {

    private static final Path NODE_LOGS = Path.of("target", "nodes");

    private final String name;
    private final int port;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private Path log;
    private int starts;

    /** A node on a free port with the production and demo profiles, its jobs executed, its mail sent to {@code mail}. */
    ApplicationNode(String name, MySqlTestDatabase.Database database, int mailPort) {
        this.name = name;
        this.port = freePort();
        environment.put("SPRING_PROFILES_ACTIVE", "mysql,demo");
        environment.put("TWINFLOW_DB_URL", database.jdbcUrl());
        environment.put("TWINFLOW_DB_USER", database.user());
        environment.put("TWINFLOW_DB_PASSWORD", database.password());
        environment.put("TWINFLOW_ADMIN_ID", "admin");
        environment.put("TWINFLOW_ADMIN_PASSWORD", "demo");
        set("server.port", String.valueOf(port));
        set("spring.mail.host", "127.0.0.1");
        set("spring.mail.port", String.valueOf(mailPort));
        // the job log's HOSTNAME_ tells which node ran a job
        set("camunda.bpm.generic-properties.properties.hostname", name);
        set("logging.file.name", "");
    }

    ApplicationNode set(String property, String value) {
        arguments.removeIf(argument -> argument.startsWith("--" + property + "="));
        arguments.add("--" + property + "=" + value);
        return this;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    ApplicationNode start() {
        Path jar = jar();
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()));
        command.addAll(arguments);
        try {
            Files.createDirectories(NODE_LOGS);
            log = NODE_LOGS.resolve(name + "-" + (++starts) + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot start node " + name, failed);
        }
        return this;
    }

    /** Waits until the node's health endpoint says UP; fails with the end of its log when it died or took too long. */
    ApplicationNode awaitUp(Duration longest) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Node " + name + " died while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            if (health() == 200) {
                return this;
            }
            Thread.sleep(500);
        }
        fail("Node " + name + " was not UP within " + longest + ":\n" + logTail());
        return this;
    }

    /** The status of {@code /actuator/health}, or 0 when nothing answers. */
    int health() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (ConnectException | java.net.http.HttpTimeoutException nobody) {
            return 0;
        } catch (IOException failed) {
            return 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** {@code kill -9}: the JVM ends at once, without shutting anything down. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** A normal shutdown (SIGTERM), then kill after 30 s. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    String logTail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
        } catch (IOException | UncheckedIOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    /** Lines of this node's current log that contain the text. */
    List<String> logLinesContaining(String text) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static Path jar() {
        try (Stream<Path> candidates = Files.list(Path.of("target"))) {
            return candidates.filter(path -> path.getFileName().toString().matches("twinflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/twinflow-*.jar: these tests run the packaged "
                            + "application; run them through `./mvnw verify` (package comes before the integration tests)"));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
