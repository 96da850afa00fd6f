package org.twinflow.system.session;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.MySqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions are kept in the database by Spring Session JDBC (Spring Boot's auto-configuration; tables from migration
 * V017). Each request works on its own copy of the session and writes back what it changed; two requests of one
 * session at once (a double click, Tasklist's parallel calls) may both add the same new attribute (a flash message,
 * say), and Spring Session's plain INSERT would then fail the second on the primary key (a 500). An upsert is used
 * instead: MySQL's {@code ON DUPLICATE KEY UPDATE} (Spring Session's own customizer) or H2's {@code MERGE}.
 */
@Configuration(proxyBeanMethods = false)
class SharedSessions {

    static final String H2_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpserted(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName).toLowerCase(Locale.ROOT);
        if (product.contains("mysql") || product.contains("mariadb")) {
            return new MySqlJdbcIndexedSessionRepositoryCustomizer();
        }
        if (product.contains("h2")) {
            return repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT);
        }
        throw new IllegalStateException("Sessions in the database are set up for MySQL, MariaDB and H2, not for " + product);
    }
}
