package org.twinflow.bench;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * The benchmark's only addition to the application: its DataSource is wrapped in a datasource-proxy that counts
 * statements ({@link SqlStatementCounter}). Everything that uses the DataSource (Camunda, Spring Data JDBC,
 * JdbcTemplate, Flyway) goes through the wrapper; the pool behind it is the one application.yaml configures.
 * Registered explicitly by {@link TwinflowUnderTest}, never found by component scanning. It wraps whatever DataSource
 * it finds, also one the tests' own counter ({@code org.twinflow.sql.SqlStatementCounter}, a component on the test
 * class path) has wrapped already: skipping those made the benchmark count nothing.
 */
class SqlCountingConfiguration {

    static final SqlStatementCounter COUNTER = new SqlStatementCounter();

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource) {
                    return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(COUNTER).build();
                }
                return bean;
            }
        };
    }
}
