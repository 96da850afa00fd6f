package org.twinflow.system.security.signin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The table {@code sign_in_failure} (V005): one row per failed sign-in, and a pending one per attempt whose
 * password is being checked. Logins and addresses arrive normalised by {@link SignInThrottle}. Each call
 * commits on its own (sign-ins run outside any transaction), so that parallel attempts see each other's rows.
 */
@Repository
@Transactional
class SignInFailures {

    /** Leaves no row out when counting before an attempt is written. */
    static final long NO_ROW = -1;

    private final JdbcClient jdbc;

    SignInFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An attempt whose password is about to be checked. */
    long insertPending(String login, String clientAddress, SignInChannel channel, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sign_in_failure (login, client_address, channel, attempted_at, pending, pair_cleared) "
                        + "VALUES (:login, :address, :channel, :at, TRUE, FALSE)")
                .param("login", login).param("address", clientAddress).param("channel", channel.name())
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The attempt's password was wrong. */
    void markFailed(long id) {
        jdbc.sql("UPDATE sign_in_failure SET pending = FALSE WHERE id = :id").param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE id = :id").param("id", id).update();
    }

    /**
     * The failures since {@code since} of the pair, the address and the login, and the same counting the
     * attempts still being checked, in one round trip, leaving out row {@code exclude}.
     */
    Recent count(String login, String clientAddress, Instant since, long exclude) {
        Map<String, KeyCount> byKey = jdbc.sql(countOf("pair", "login = :login AND client_address = :address AND pair_cleared = FALSE")
                        + " UNION ALL " + countOf("address", "client_address = :address")
                        + " UNION ALL " + countOf("login", "login = :login"))
                .param("login", login).param("address", clientAddress).param("since", Timestamp.from(since)).param("exclude", exclude)
                .query((rs, n) -> new KeyCount(rs.getString("throttle_key"), recentFailures(rs), recentFailures(rs, "attempts", "last_attempt")))
                .list().stream().collect(Collectors.toMap(KeyCount::key, Function.identity()));
        return new Recent(keyed(byKey, KeyCount::failed), keyed(byKey, KeyCount::withPending));
    }

    private static KeyedFailures keyed(Map<String, KeyCount> byKey, Function<KeyCount, RecentFailures> part) {
        Function<String, RecentFailures> of = key -> byKey.containsKey(key) ? part.apply(byKey.get(key)) : RecentFailures.NONE;
        return new KeyedFailures(of.apply("pair"), of.apply("address"), of.apply("login"));
    }

    private static String countOf(String key, String condition) {
        return "SELECT '" + key + "' AS throttle_key, "
                + "SUM(CASE WHEN pending = FALSE THEN 1 ELSE 0 END) AS failures, "
                + "MAX(CASE WHEN pending = FALSE THEN attempted_at END) AS last_at, "
                + "COUNT(*) AS attempts, MAX(attempted_at) AS last_attempt "
                + "FROM sign_in_failure WHERE attempted_at > :since AND id <> :exclude AND " + condition;
    }

    /** A successful sign-in: the pair's failures no longer count for the pair (they still do for the login and the address). */
    void clearPair(String login, String clientAddress, Instant since) {
        jdbc.sql("UPDATE sign_in_failure SET pair_cleared = TRUE "
                        + "WHERE login = :login AND client_address = :address AND attempted_at > :since AND pair_cleared = FALSE")
                .param("login", login).param("address", clientAddress).param("since", Timestamp.from(since))
                .update();
    }

    int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM sign_in_failure WHERE attempted_at < :cutoff").param("cutoff", Timestamp.from(cutoff)).update();
    }

    /** Failures since {@code since} by login, most first (at most {@code limit}): how many, from how many addresses, the last. */
    List<Group> byLogin(Instant since, int limit) {
        return groups("login", "client_address", since, limit);
    }

    /** Failures since {@code since} by client address, most first (at most {@code limit}): how many, for how many logins, the last. */
    List<Group> byAddress(Instant since, int limit) {
        return groups("client_address", "login", since, limit);
    }

    /** Failures since {@code since} by login and address that still count for the pair, at least {@code minimum}. */
    List<Pair> pairsWithAtLeast(Instant since, int minimum) {
        return jdbc.sql("SELECT login, client_address, COUNT(*) AS failures, MAX(attempted_at) AS last_at FROM sign_in_failure "
                        + "WHERE attempted_at > :since AND pending = FALSE AND pair_cleared = FALSE GROUP BY login, client_address "
                        + "HAVING COUNT(*) >= :minimum ORDER BY last_at DESC")
                .param("since", Timestamp.from(since)).param("minimum", minimum)
                .query((rs, n) -> new Pair(rs.getString("login"), rs.getString("client_address"), recentFailures(rs)))
                .list();
    }

    private List<Group> groups(String column, String otherColumn, Instant since, int limit) {
        return jdbc.sql("SELECT " + column + " AS group_key, COUNT(*) AS failures, COUNT(DISTINCT " + otherColumn + ") AS others, "
                        + "MAX(attempted_at) AS last_at FROM sign_in_failure WHERE attempted_at > :since AND pending = FALSE "
                        + "GROUP BY " + column + " ORDER BY failures DESC, last_at DESC LIMIT " + limit)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new Group(rs.getString("group_key"), rs.getLong("others"), recentFailures(rs)))
                .list();
    }

    private static RecentFailures recentFailures(ResultSet rs) throws SQLException {
        return recentFailures(rs, "failures", "last_at");
    }

    private static RecentFailures recentFailures(ResultSet rs, String countColumn, String lastColumn) throws SQLException {
        long count = rs.getLong(countColumn);
        Timestamp last = rs.getTimestamp(lastColumn);
        return count == 0 ? RecentFailures.NONE : new RecentFailures(count, last.toInstant());
    }

    /** The recent failures of an attempt's three throttle keys. */
    record KeyedFailures(RecentFailures pair, RecentFailures address, RecentFailures login) {
    }

    private record KeyCount(String key, RecentFailures failed, RecentFailures withPending) {
    }

    /** The recent failures of an attempt's keys, and the same with the attempts still being checked. */
    record Recent(KeyedFailures failed, KeyedFailures withPending) {
    }

    /** Failures grouped by one column; {@code others}: distinct values of the other column (addresses of a login, logins of an address). */
    record Group(String key, long others, RecentFailures failures) {
    }

    record Pair(String login, String clientAddress, RecentFailures failures) {
    }
}
