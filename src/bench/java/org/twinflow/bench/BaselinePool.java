package org.twinflow.bench;

import com.zaxxer.hikari.HikariDataSource;

/** A connection pool for a baseline, set up as the application's own (same URL options, size and isolation). */
final class BaselinePool {

    private BaselinePool() {
    }

    static HikariDataSource like(HikariDataSource application, BenchDatabase database, String databaseName, String poolName) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(poolName);
        pool.setJdbcUrl(database.jdbcUrl(databaseName));
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(application.getMaximumPoolSize());
        pool.setMinimumIdle(application.getMinimumIdle());
        pool.setTransactionIsolation(application.getTransactionIsolation());
        return pool;
    }
}
