package org.twinflow.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements the application sends, as the database server receives them (each element
 * of a JDBC batch counts), by kind. A bean post-processor of the test classpath: every application
 * context of the tests uses the counted DataSource. Counting is off until a test {@link #start()}s it.
 */
@Component
public class SqlStatementCounter implements BeanPostProcessor {

    /** What a statement does, by its first keyword. */
    public enum Kind { SELECT, INSERT, UPDATE, DELETE, COMMIT, OTHER }

    private final AtomicBoolean counting = new AtomicBoolean();
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(new Listener())
                    .afterMethod(method -> {
                        if (counting.get() && "commit".equals(method.getMethod().getName())
                                && method.getTarget() instanceof java.sql.Connection) {
                            statements.add("COMMIT");
                        }
                    }).build();
        }
        return bean;
    }

    /** Forgets what was counted and counts from now on. */
    public void start() {
        statements.clear();
        counting.set(true);
    }

    /** Stops counting and tells what was sent since {@link #start()}. */
    public Count stop() {
        counting.set(false);
        synchronized (statements) {
            return new Count(List.copyOf(statements));
        }
    }

    /** The statements counted, in the order sent. */
    public record Count(List<String> statements) {

        public int total() {
            return statements.size();
        }

        public Map<Kind, Integer> byKind() {
            Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
            statements.forEach(sql -> counts.merge(kindOf(sql), 1, Integer::sum));
            return counts;
        }

        /** Statements per table they write or read first, for a failure message that says where they went. */
        public Map<String, Integer> byTable() {
            Map<String, Integer> counts = new java.util.TreeMap<>();
            statements.forEach(sql -> counts.merge(kindOf(sql) + " " + tableOf(sql), 1, Integer::sum));
            return counts;
        }

        @Override
        public String toString() {
            return total() + " statements " + byKind() + "\n  " + String.join("\n  ", byTable().entrySet().stream()
                    .map(e -> e.getValue() + " × " + e.getKey()).toList());
        }

        static Kind kindOf(String sql) {
            String start = sql.stripLeading().toUpperCase(Locale.ROOT);
            for (Kind kind : Kind.values()) {
                if (start.startsWith(kind.name())) {
                    return kind;
                }
            }
            return Kind.OTHER;
        }

        static String tableOf(String sql) {
            String normalised = sql.replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
            for (String marker : List.of("INSERT INTO ", "UPDATE ", "DELETE FROM ", " FROM ")) {
                int at = normalised.indexOf(marker);
                if (at >= 0) {
                    String rest = normalised.substring(at + marker.length()).strip();
                    String table = rest.split("[ (]", 2)[0];
                    return table.replace("\"", "").replace("`", "");
                }
            }
            return normalised.length() > 40 ? normalised.substring(0, 40) : normalised;
        }
    }

    private final class Listener implements QueryExecutionListener {

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        }

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            if (!counting.get()) {
                return;
            }
            for (QueryInfo query : queries) {
                // a batch sends its statement once per parameter set
                int times = Math.max(1, execution.isBatch() ? query.getParametersList().size() : 1);
                for (int i = 0; i < times; i++) {
                    String sql = query.getQuery();
                    if (Boolean.getBoolean("twinflow.sql.debug") && !query.getParametersList().isEmpty()) {
                        sql = sql + " -- " + query.getParametersList().get(Math.min(i, query.getParametersList().size() - 1)).stream()
                                .map(operation -> String.valueOf(operation.getArgs()[operation.getArgs().length - 1])).toList();
                    }
                    statements.add(sql);
                }
            }
        }
    }
}
