package org.twinflow.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MySQL-compatible server the benchmark runs against, and the databases it creates there for one run: the
 * application's, the bare engine's and the raw-JDBC baseline's, all named {@code twinflow_bench_<hex>...} and
 * dropped at the end. An unreachable server fails the run at once, saying how to point it elsewhere.
 */
final class BenchDatabase implements AutoCloseable {

    /** The options the product's MySQL URL carries (application-mysql.yaml, docker-compose.yml). */
    static final String URL_OPTIONS = "sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8&connectionTimeZone=UTC";

    private final String server;
    private final String user;
    private final String password;
    private final String prefix;
    private final List<String> created = new ArrayList<>();

    private BenchDatabase(String server, String user, String password) {
        this.server = server;
        this.user = user;
        this.password = password;
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        this.prefix = "twinflow_bench_" + HexFormat.of().formatHex(random);
    }

    static BenchDatabase connect(BenchSettings settings) {
        BenchDatabase database = new BenchDatabase(settings.server(), settings.user(), settings.password());
        try (Connection probe = database.serverConnection()) {
            probe.isValid(5);
        } catch (SQLException unreachable) {
            throw new IllegalStateException("The benchmark needs a MySQL-compatible server and cannot reach " + settings.server()
                    + " as " + settings.user() + " (" + unreachable.getMessage().replaceAll("\\s+", " ") + "). Start one (`docker compose up -d "
                    + "mysql`, or MariaDB as in .ci/run) or set TWINFLOW_BENCH_DB_URL (host:port), TWINFLOW_BENCH_DB_USER and "
                    + "TWINFLOW_BENCH_DB_PASSWORD.", unreachable);
        }
        return database;
    }

    /** Creates a fresh utf8mb4 database for one purpose of this run ({@code app}, {@code bare}, {@code raw}). */
    String create(String purpose) {
        String name = prefix + "_" + purpose;
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        created.add(name);
        return name;
    }

    /** The URL the application would get for this database in production. */
    String jdbcUrl(String database) {
        return "jdbc:mysql://" + server + "/" + database + "?" + URL_OPTIONS;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String server() {
        return server;
    }

    /** A connection of the benchmark's own, outside the application's pool and its statement counter. */
    Connection connection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    Connection serverConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://" + server + "/?" + URL_OPTIONS + "&connectTimeout=5000", user, password);
    }

    /** The server's version and the settings that decide how fast it writes and caches. */
    Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet version = statement.executeQuery("SELECT VERSION()")) {
                version.next();
                description.put("version", version.getString(1));
            }
            try (ResultSet variables = statement.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('innodb_buffer_pool_size', "
                    + "'innodb_flush_log_at_trx_commit', 'sync_binlog', 'log_bin', 'transaction_isolation', 'tx_isolation', "
                    + "'max_connections', 'innodb_log_file_size', 'query_cache_type', 'performance_schema')")) {
                while (variables.next()) {
                    description.put(variables.getString(1), variables.getString(2));
                }
            }
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot read the server's version and settings", failed);
        }
        return description;
    }

    private void execute(String sql) {
        try (Connection connection = serverConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException refused) {
            throw new IllegalStateException("`" + sql + "` failed on " + server + " as " + user
                    + " (the benchmark needs CREATE and DROP on `twinflow\\_bench\\_%`.*)", refused);
        }
    }

    @Override
    public void close() {
        for (String name : created) {
            execute("DROP DATABASE IF EXISTS " + name);
        }
        created.clear();
    }
}
