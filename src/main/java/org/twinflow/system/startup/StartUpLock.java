package org.twinflow.system.startup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

/**
 * One node at a time sets up: from before the engine is built (schema on H2, deployment, the first administrator,
 * the "All tasks" filter) until the last start-up listener has run (groups and authorizations, Tasklist filters,
 * demo data, the calls' processes). Each of those steps looks whether its data is there and creates it if not;
 * two nodes that start together on one database would both find nothing and create it twice, or fail on a
 * unique key. So a node holds the lock of the row {@code start_up_lock('set-up')} in a transaction of its own
 * connection for the whole set-up, and a second node waits for it, then finds everything in place.
 * <p>
 * The lock is a row lock, not MySQL's {@code GET_LOCK}, so that it works on H2 as well; it is released when the
 * set-up is done, when the application closes, and by the database when the node dies (its connection ends).
 */
@Component
class StartUpLock extends AbstractProcessEnginePlugin implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartUpLock.class);
    /** MySQL/MariaDB: lock wait timeout exceeded; H2: timeout trying to lock the table. */
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int H2_LOCK_TIMEOUT = 50200;
    /** MySQL, MariaDB and H2 alike. */
    private static final String TABLE_NOT_FOUND = "42S02";

    private final DataSource lockConnections;
    private final Duration longestWait;
    private Connection holding;

    /** The lock's connection is its own, outside the application's pool, which the engine needs while the lock is held. */
    StartUpLock(DataSourceProperties database, @Value("${twinflow.start-up.longest-wait-for-another-node}") Duration longestWait) {
        this.lockConnections = database.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
        this.longestWait = longestWait;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void setUpDone() {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    synchronized void acquire() {
        if (holding != null) {
            return;
        }
        long began = System.nanoTime();
        try {
            Connection connection = lockConnections.getConnection();
            connection.setAutoCommit(false);
            if (!lockTableExists(connection)) {
                connection.close();
                log.warn("No table start_up_lock (the database's schema is older than migration V017, as with spring.flyway.target "
                        + "below it): starting without the start-up lock; do not start a second node on this database");
                return;
            }
            while (!lockedOn(connection)) {
                Duration waited = Duration.ofNanos(System.nanoTime() - began);
                if (waited.compareTo(longestWait) > 0) {
                    connection.close();
                    throw new IllegalStateException("Another node has held the start-up lock (table start_up_lock) for over "
                            + longestWait + ": is a node stuck in its start-up? (twinflow.start-up.longest-wait-for-another-node)");
                }
                log.info("Waiting for another node to finish its start-up set-up ({} s so far)", waited.toSeconds());
            }
            holding = connection;
            log.info("Start-up lock taken after {} ms", Duration.ofNanos(System.nanoTime() - began).toMillis());
        } catch (SQLException failed) {
            throw new IllegalStateException("Cannot take the start-up lock (table start_up_lock): " + failed.getMessage(), failed);
        }
    }

    private static boolean lockTableExists(Connection connection) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement("SELECT COUNT(*) FROM start_up_lock")) {
            probe.executeQuery().close();
            return true;
        } catch (SQLException missing) {
            if (TABLE_NOT_FOUND.equals(missing.getSQLState())) {
                connection.rollback();
                return false;
            }
            throw missing;
        }
    }

    private static boolean lockedOn(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT name FROM start_up_lock WHERE name = 'set-up' FOR UPDATE")) {
            lock.executeQuery().close();
            return true;
        } catch (SQLException refused) {
            if (refused instanceof SQLTransientException || refused.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT
                    || refused.getErrorCode() == H2_LOCK_TIMEOUT) {
                connection.rollback();
                return false;
            }
            throw refused;
        }
    }

    synchronized void release() {
        if (holding == null) {
            return;
        }
        try (Connection connection = holding) {
            connection.commit();
        } catch (SQLException failed) {
            // the connection is closed anyway, and with it the lock
            log.warn("Releasing the start-up lock: {}", failed.getMessage());
        } finally {
            holding = null;
        }
    }
}
