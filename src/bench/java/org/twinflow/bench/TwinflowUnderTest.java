package org.twinflow.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.twinflow.TwinflowApplication;

/**
 * Twinflow started as production starts it (profile {@code mysql}, job executor on, application.yaml's engine and
 * pool settings), on the benchmark's fresh database and a random port. The benchmark overrides only what a run
 * needs: the database, the first administrator and where the log goes; and it adds the statement counter.
 */
final class TwinflowUnderTest implements AutoCloseable {

    static final String ADMIN_ID = "benchadmin";
    static final String ADMIN_PASSWORD = "bench-admin-" + Long.toHexString(System.nanoTime());

    private final ConfigurableApplicationContext context;
    private final long startMillis;

    private TwinflowUnderTest(ConfigurableApplicationContext context, long startMillis) {
        this.context = context;
        this.startMillis = startMillis;
    }

    static TwinflowUnderTest start(BenchDatabase database, String databaseName) {
        Map<String, Object> properties = new LinkedHashMap<>();
        // the variables application-mysql.yaml reads
        properties.put("TWINFLOW_DB_URL", database.jdbcUrl(databaseName));
        properties.put("TWINFLOW_DB_USER", database.user());
        properties.put("TWINFLOW_DB_PASSWORD", database.password());
        properties.put("TWINFLOW_ADMIN_ID", ADMIN_ID);
        properties.put("TWINFLOW_ADMIN_PASSWORD", ADMIN_PASSWORD);
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        // the application's log goes to target/bench/application.log, so that the console shows the benchmark
        properties.put("logging.config", "classpath:bench-logback.xml");
        long started = System.nanoTime();
        // as command-line arguments, which outrank application.yaml (its server.port would win over default properties)
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(TwinflowApplication.class, SqlCountingConfiguration.class)
                .profiles("mysql")
                .run(arguments);
        return new TwinflowUnderTest(context, (System.nanoTime() - started) / 1_000_000);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ProcessEngine engine() {
        return bean(ProcessEngine.class);
    }

    String engineName() {
        return engine().getName();
    }

    SqlStatementCounter statements() {
        return SqlCountingConfiguration.COUNTER;
    }

    long startMillis() {
        return startMillis;
    }

    /** Quiets the application's own log while the benchmark seeds data (tens of thousands of notices), and back. */
    void quietLog(boolean quiet) {
        LoggingSystem logging = bean(LoggingSystem.class);
        logging.setLogLevel("org.twinflow", quiet ? LogLevel.WARN : null);
    }

    /** The settings the running application actually uses, read from its beans, for the results. */
    Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
        Environment environment = context.getEnvironment();
        settings.put("profiles", String.join(",", environment.getActiveProfiles()));
        settings.put("engineName", engine.getProcessEngineName());
        settings.put("historyLevel", engine.getHistoryLevel().getName());
        settings.put("historyRemovalTimeStrategy", engine.getHistoryRemovalTimeStrategy());
        settings.put("historyCleanupStrategy", engine.getHistoryCleanupStrategy());
        settings.put("authorizationEnabled", engine.isAuthorizationEnabled());
        settings.put("jdbcBatchProcessing", engine.isJdbcBatchProcessing());
        settings.put("idGenerator", engine.getIdGenerator().getClass().getSimpleName());
        settings.put("databaseType", engine.getDatabaseType());
        settings.put("jobExecutorActive", engine.getJobExecutor() != null && engine.getJobExecutor().isActive());
        if (engine.getJobExecutor() != null) {
            settings.put("jobExecutorMaxJobsPerAcquisition", engine.getJobExecutor().getMaxJobsPerAcquisition());
            settings.put("jobExecutorWaitTimeMillis", engine.getJobExecutor().getWaitTimeInMillis());
            settings.put("jobExecutorMaxWaitMillis", engine.getJobExecutor().getMaxWait());
        }
        context.getBeansOfType(org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class).forEach((name, executor) -> {
            if (name.toLowerCase().contains("camunda")) {
                settings.put("jobExecutorCorePoolSize", executor.getCorePoolSize());
                settings.put("jobExecutorMaxPoolSize", executor.getMaxPoolSize());
                settings.put("jobExecutorQueueCapacity", executor.getQueueCapacity());
            }
        });
        HikariDataSource pool = hikari();
        settings.put("jdbcUrl", pool.getJdbcUrl());
        settings.put("poolMaximumSize", pool.getMaximumPoolSize());
        settings.put("poolMinimumIdle", pool.getMinimumIdle());
        settings.put("poolTransactionIsolation", pool.getTransactionIsolation());
        settings.put("tomcatMaxThreads", environment.getProperty("server.tomcat.threads.max", "200 (default)"));
        settings.put("staffDigestEnabled", environment.getProperty("twinflow.mail.staff-digest-enabled", "true"));
        settings.put("mailHost", environment.getProperty("spring.mail.host", "(none: mail goes to the log)"));
        settings.put("startupMillis", startMillis);
        return settings;
    }

    HikariDataSource hikari() {
        try {
            return bean(DataSource.class).unwrap(HikariDataSource.class);
        } catch (java.sql.SQLException notHikari) {
            throw new IllegalStateException("The application's DataSource is not a Hikari pool", notHikari);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
