package org.twinflow.bench;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * The floor for writing what a submission writes: the INSERTs, UPDATEs and DELETEs one real submission sent (its
 * request and its jobs, as captured by the statement counter, in their order), replayed with plain JDBC in one
 * transaction, into copies of the same tables ({@code CREATE TABLE ... LIKE}: same columns and indexes, no foreign
 * keys) on the same server. The updates and deletes matter: Spring Data JDBC saves a proposal's rows twice (the
 * draft, then the submitted proposal, deleting and inserting its child rows again). Each replay gets fresh keys:
 * every UUID in a text value, the proposal's reference and its generated id are replaced consistently, so that the
 * rows are new and unique constraints hold. No reads are replayed.
 */
final class RawJdbcBaseline implements AutoCloseable {

    private static final Pattern TABLE = Pattern.compile("(?i)^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+[`\"]?(\\w+)[`\"]?");
    private static final Pattern ANY_TABLE = Pattern.compile("(?i)\\b(?:into|update|from|join)\\s+[`\"]?(\\w+)[`\"]?");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One captured write, ready to replay: its table, SQL and parameter operations per row. */
    private record Replayed(String table, String sql, List<List<Parameter>> rows, boolean batch) {
    }

    /** One {@code setXxx(index, value...)} call, with streams turned into bytes so that it can be replayed many times. */
    private record Parameter(Method method, Object[] args) {
    }

    private final HikariDataSource pool;
    private final List<Replayed> inserts = new ArrayList<>();
    private final long proposalId;
    private final String reference;
    private final AtomicLong references = new AtomicLong();
    private final AtomicLong deadlocks = new AtomicLong();

    RawJdbcBaseline(TwinflowUnderTest app, BenchDatabase database, String appDatabase, String rawDatabase,
            List<SqlStatementCounter.CapturedWrite> captured, String capturedReference, long capturedProposalId) throws SQLException {
        this.proposalId = capturedProposalId;
        this.reference = capturedReference;
        Set<String> tables = new LinkedHashSet<>();
        for (SqlStatementCounter.CapturedWrite insert : captured) {
            Matcher table = TABLE.matcher(insert.sql());
            Matcher any = ANY_TABLE.matcher(insert.sql());
            String written = table.find() ? table.group(1) : any.find() ? any.group(1) : null;
            if (written == null) {
                throw new IllegalStateException("Cannot tell the table of " + insert.sql());
            }
            any.reset();
            while (any.find()) {
                tables.add(any.group(1));
            }
            List<List<Parameter>> rows = new ArrayList<>();
            for (List<ParameterSetOperation> row : insert.rows()) {
                rows.add(row.stream().map(RawJdbcBaseline::replayable).toList());
            }
            inserts.add(new Replayed(written, insert.sql(), rows, insert.batch()));
        }
        try (Connection connection = database.connection(rawDatabase); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                if (exists(connection, appDatabase, table)) {
                    statement.execute("CREATE TABLE " + table + " LIKE " + appDatabase + "." + table);
                }
            }
        }
        this.pool = BaselinePool.like(app.hikari(), database, rawDatabase, "bench-raw-jdbc");
    }

    /** How many statements one replay sends (each row of a batch counts). */
    int statementsPerTransaction() {
        return inserts.stream().mapToInt(insert -> insert.rows().size()).sum();
    }

    Map<String, Integer> insertedRowsByTable() {
        Map<String, Integer> rows = new java.util.TreeMap<>();
        inserts.stream().filter(insert -> insert.sql().stripLeading().toLowerCase().startsWith("insert"))
                .forEach(insert -> rows.merge(insert.table(), insert.rows().size(), Integer::sum));
        return rows;
    }

    private static boolean exists(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    ConcurrentRun.Outcome run(int threads, int transactionsPerThread) {
        return ConcurrentRun.run(threads, transactionsPerThread, (thread, i) -> replayUntilDone());
    }

    /** Deadlocks the replays caused among themselves, each answered by trying again (as a writer would). */
    long deadlocksRetried() {
        return deadlocks.get();
    }

    /**
     * Replays once more when InnoDB chose this replay as a deadlock's victim: every replay updates the year's
     * reference counter, as every submission does, and parallel replays can deadlock around it.
     */
    private void replayUntilDone() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                replayOnce();
                return;
            } catch (SQLException failed) {
                if (!"40001".equals(failed.getSQLState()) || attempt == 5) {
                    throw failed;
                }
                deadlocks.incrementAndGet();
            }
        }
    }

    private void replayOnce() throws Exception {
        Map<String, String> uuids = new HashMap<>();
        String newReference = "RAW-" + references.incrementAndGet();
        Long newProposalId = null;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Replayed insert : inserts) {
                    boolean proposal = insert.table().equalsIgnoreCase("proposal") && insert.sql().stripLeading().toLowerCase().startsWith("insert");
                    try (PreparedStatement statement = proposal ? connection.prepareStatement(insert.sql(), Statement.RETURN_GENERATED_KEYS)
                            : connection.prepareStatement(insert.sql())) {
                        for (List<Parameter> row : insert.rows()) {
                            for (Parameter parameter : row) {
                                parameter.method().invoke(statement, fresh(parameter.args(), uuids, newReference, newProposalId));
                            }
                            if (insert.batch()) {
                                statement.addBatch();
                            }
                        }
                        if (insert.batch()) {
                            statement.executeBatch();
                        } else {
                            statement.execute();
                        }
                        if (proposal) {
                            try (ResultSet keys = statement.getGeneratedKeys()) {
                                keys.next();
                                newProposalId = keys.getLong(1);
                            }
                        }
                    }
                }
                connection.commit();
            } catch (Exception failed) {
                connection.rollback();
                throw failed;
            }
        }
    }

    private Object[] fresh(Object[] args, Map<String, String> uuids, String newReference, Long newProposalId) {
        Object[] copy = args.clone();
        for (int i = 1; i < copy.length; i++) {
            Object value = copy[i];
            if (value instanceof String text) {
                copy[i] = text.equals(reference) ? newReference : replaceUuids(text, uuids);
            } else if (value instanceof Long number && number == proposalId && newProposalId != null) {
                copy[i] = newProposalId;
            } else if (value instanceof StreamBytes stream) {
                copy[i] = new ByteArrayInputStream(stream.bytes());
            }
        }
        return copy;
    }

    private static String replaceUuids(String text, Map<String, String> uuids) {
        Matcher uuid = UUID_TEXT.matcher(text);
        if (!uuid.find()) {
            return text;
        }
        StringBuilder replaced = new StringBuilder();
        do {
            uuid.appendReplacement(replaced, uuids.computeIfAbsent(uuid.group(), old -> UUID.randomUUID().toString()));
        } while (uuid.find());
        uuid.appendTail(replaced);
        return replaced.toString();
    }

    /** A parameter operation that can run many times: a stream (MyBatis sends BLOBs as streams) becomes a fresh one each time. */
    private static Parameter replayable(ParameterSetOperation operation) {
        Object[] args = operation.getArgs().clone();
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof ByteArrayInputStream stream) {
                synchronized (stream) {
                    stream.reset();
                    args[i] = new StreamBytes(stream.readAllBytes());
                }
            } else if (args[i] instanceof InputStream other) {
                throw new IllegalStateException("Cannot replay a parameter stream of type " + other.getClass());
            }
        }
        return new Parameter(operation.getMethod(), args);
    }

    /** The bytes of a captured stream parameter. */
    private record StreamBytes(byte[] bytes) {
    }

    @Override
    public void close() {
        pool.close();
    }
}
