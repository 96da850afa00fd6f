package org.twinflow;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database {@code twinflow_it_<hex>} (utf8mb4) on the MySQL-compatible test server, created
 * before the test class and dropped after it, also when the Spring context failed to start.
 * <p>
 * The server comes from {@code TWINFLOW_TEST_DB_URL} ({@code host:port}, default {@code 127.0.0.1:3306}),
 * {@code TWINFLOW_TEST_DB_USER} (default {@code root}) and {@code TWINFLOW_TEST_DB_PASSWORD} (default
 * empty); each may also be given as a system property of the same name. When the server cannot be
 * reached each test of the class is aborted (reported as skipped, with the reason), except under CI
 * ({@code CI=true}), where the class fails: MySQL tests never skip in CI.
 * <p>
 * Declare it before {@code @SpringBootTest} and close the context after the class
 * ({@code @DirtiesContext}), so that the database is dropped after the application has let go of it:
 * <pre>
 * &#64;ExtendWith(MySqlTestDatabase.class)
 * &#64;SpringBootTest
 * &#64;DirtiesContext
 * class SomeMySqlIT {
 *     &#64;DynamicPropertySource
 *     static void database(DynamicPropertyRegistry registry) {
 *         MySqlTestDatabase.registerApplicationSettings(registry, "itadmin", "it-admin-password");
 *     }
 * }
 * </pre>
 */
public class MySqlTestDatabase implements BeforeAllCallback, TestInstancePreConstructCallback, AfterAllCallback {

    public static final String SERVER_VARIABLE = "TWINFLOW_TEST_DB_URL";
    public static final String USER_VARIABLE = "TWINFLOW_TEST_DB_USER";
    public static final String PASSWORD_VARIABLE = "TWINFLOW_TEST_DB_PASSWORD";

    private static volatile Database current;
    private static volatile String unreachableServer;

    /** The database of the running test class. */
    public static Database current() {
        Database database = current;
        if (database == null) {
            throw new IllegalStateException("No MySQL test database: declare @ExtendWith(MySqlTestDatabase.class) "
                    + "before @SpringBootTest on the test class");
        }
        return database;
    }

    /**
     * Points the application (profile {@code mysql}) at this class's database, with the given first
     * administrator: a fresh schema, created as in production (Flyway creates the engine's tables too), no job
     * executor (the test runs jobs), and an engine name of its own.
     */
    public static void registerApplicationSettings(DynamicPropertyRegistry registry, String adminId, String adminPassword) {
        applicationSettings(adminId, adminPassword).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The settings of {@link #registerApplicationSettings}, for an application the test starts itself. */
    public static Map<String, String> applicationSettings(String adminId, String adminPassword) {
        Database database = current();
        Map<String, String> settings = new LinkedHashMap<>();
        // the variables application-mysql.yaml reads
        settings.put("TWINFLOW_DB_URL", database.jdbcUrl());
        settings.put("TWINFLOW_DB_USER", database.user());
        settings.put("TWINFLOW_DB_PASSWORD", database.password());
        settings.put("TWINFLOW_ADMIN_ID", adminId);
        settings.put("TWINFLOW_ADMIN_PASSWORD", adminPassword);
        settings.put("spring.flyway.enabled", "true");
        // the test runs the jobs itself
        settings.put("camunda.bpm.job-execution.enabled", "false");
        settings.put("twinflow.mail.staff-digest-enabled", "false");
        // Camunda keeps engines in a JVM-wide registry by name: another "default" engine would replace the
        // cached H2 context's engine there, and closing this context would leave that context's REST API
        // without an engine (404)
        settings.put("camunda.bpm.generate-unique-process-engine-name", "true");
        return settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String server = setting(SERVER_VARIABLE, "127.0.0.1:3306");
        String user = setting(USER_VARIABLE, "root");
        String password = setting(PASSWORD_VARIABLE, "");
        Connection connection;
        try {
            connection = DriverManager.getConnection(serverUrl(server), user, password);
        } catch (SQLException unreachable) {
            String message = "MySQL test server not reachable at " + server + " as " + user + " ("
                    + unreachable.getMessage().replaceAll("\\s+", " ") + "): start one with `docker compose up -d mysql` or set "
                    + SERVER_VARIABLE + " (and " + USER_VARIABLE + ", " + PASSWORD_VARIABLE + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message + ". CI=true: MySQL tests must run in CI.", unreachable);
            }
            // aborted per test (below): Surefire does not report a class aborted in beforeAll at all
            unreachableServer = message;
            return;
        }
        Database database = new Database(server, user, password, "twinflow_it_" + randomHex());
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database.name() + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException refused) {
            throw new IllegalStateException("Cannot create the test database " + database.name() + " on " + server
                    + " as " + user + " (needs CREATE and DROP on `twinflow\\_it\\_%`.*)", refused);
        }
        current = database;
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        if (unreachableServer != null) {
            Assumptions.abort(unreachableServer);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        restoreWebappRuntimes();
        unreachableServer = null;
        Database database = current;
        current = null;
        if (database == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(serverUrl(database.server()), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database.name());
        }
    }

    /**
     * Closing this class's application ran the webapps' shutdown listeners, which clear Cockpit's, Tasklist's, Admin's and
     * the welcome page's JVM-wide runtime delegates ({@code CockpitContainerBootstrap} and its siblings): every other
     * application still open in this JVM (the cached H2 context) would then answer 500 on those webapps. Their start
     * listeners set exactly these defaults, which find engines by name, so they are put back.
     */
    private static void restoreWebappRuntimes() {
        if (org.camunda.bpm.cockpit.Cockpit.getRuntimeDelegate() == null) {
            org.camunda.bpm.cockpit.Cockpit.setCockpitRuntimeDelegate(new org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate());
        }
        if (org.camunda.bpm.tasklist.Tasklist.getRuntimeDelegate() == null) {
            org.camunda.bpm.tasklist.Tasklist.setTasklistRuntimeDelegate(new org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate());
        }
        if (org.camunda.bpm.admin.Admin.getRuntimeDelegate() == null) {
            org.camunda.bpm.admin.Admin.setAdminRuntimeDelegate(new org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate());
        }
        if (org.camunda.bpm.welcome.Welcome.getRuntimeDelegate() == null) {
            org.camunda.bpm.welcome.Welcome.setRuntimeDelegate(new org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate());
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[6];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String serverUrl(String server) {
        return "jdbc:mysql://" + server + "/?sendFractionalSeconds=false&connectTimeout=5000";
    }

    private static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A test database and how to reach it. */
    public record Database(String server, String user, String password, String name) {

        /** The application's URL of this database, as docker-compose.yml gives it (with UTC and UTF-8). */
        public String jdbcUrl() {
            return "jdbc:mysql://" + server + "/" + name
                    + "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&connectionTimeZone=UTC";
        }

        /** A plain JDBC connection, outside the application's pool. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl(), user, password);
        }

        @Override
        public String toString() {
            return name + " on " + server;
        }
    }
}
