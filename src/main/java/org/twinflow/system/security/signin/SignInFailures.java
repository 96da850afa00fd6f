package org.twinflow.system.security.signin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The table {@code sign_in_failure} (V005): one row per failed sign-in, and for a moment per attempt whose
 * password is being checked. Logins and addresses arrive normalised by {@link SignInThrottle}.
 */
@Repository
class SignInFailures {

    /** Leaves no row out when counting before an attempt is written. */
    static final long NO_ROW = -1;

    private final JdbcClient jdbc;

    SignInFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String login, String clientAddress, SignInChannel channel, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO sign_in_failure (login, client_address, channel, attempted_at, pair_cleared) "
                        + "VALUES (:login, :address, :channel, :at, FALSE)")
                .param("login", login).param("address", clientAddress).param("channel", channel.name())
                .param("at", Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM sign_in_failure WHERE id = :id").param("id", id).update();
    }

    /** The failures since {@code since} of the pair, the address and the login, in one round trip, leaving out row {@code exclude}. */
    KeyedFailures count(String login, String clientAddress, Instant since, long exclude) {
        Map<String, RecentFailures> byKey = jdbc.sql(countOf("pair", "login = :login AND client_address = :address AND pair_cleared = FALSE")
                        + " UNION ALL " + countOf("address", "client_address = :address")
                        + " UNION ALL " + countOf("login", "login = :login"))
                .param("login", login).param("address", clientAddress).param("since", Timestamp.from(since)).param("exclude", exclude)
                .query((rs, n) -> Map.entry(rs.getString("throttle_key"), recentFailures(rs)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new KeyedFailures(byKey.getOrDefault("pair", RecentFailures.NONE), byKey.getOrDefault("address", RecentFailures.NONE),
                byKey.getOrDefault("login", RecentFailures.NONE));
    }

    private static String countOf(String key, String condition) {
        return "SELECT '" + key + "' AS throttle_key, COUNT(*) AS failures, MAX(attempted_at) AS last_at FROM sign_in_failure "
                + "WHERE attempted_at > :since AND id <> :exclude AND " + condition;
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

    private static RecentFailures recentFailures(ResultSet rs) throws SQLException {
        long count = rs.getLong("failures");
        Timestamp last = rs.getTimestamp("last_at");
        return count == 0 ? RecentFailures.NONE : new RecentFailures(count, last.toInstant());
    }

    /** The recent failures of an attempt's three throttle keys. */
    record KeyedFailures(RecentFailures pair, RecentFailures address, RecentFailures login) {
    }
}
