package org.twinflow.system.security.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.twinflow.system.security.signin.SignInFailures.Group;
import org.twinflow.system.security.signin.SignInThrottleProperties.Limit;

/** What the administrators' page shows: the last day's failed sign-ins by login and by address, and who is throttled now. */
@Component
class SignInFailureReport {

    static final Duration PERIOD = Duration.ofDays(1);
    static final int ROWS = 100;

    private final SignInFailures failures;
    private final SignInThrottleProperties policy;
    private final Clock clock;

    SignInFailureReport(SignInFailures failures, SignInThrottleProperties policy, Clock clock) {
        this.failures = failures;
        this.policy = policy;
        this.clock = clock;
    }

    Report lastDay() {
        Instant now = clock.instant();
        Instant dayStart = now.minus(PERIOD);
        Instant windowStart = now.minus(policy.window());
        return new Report(
                rows(failures.byLogin(dayStart, ROWS), failures.byLogin(windowStart, Integer.MAX_VALUE), policy.account(), now),
                rows(failures.byAddress(dayStart, ROWS), failures.byAddress(windowStart, Integer.MAX_VALUE), policy.address(), now),
                failures.pairsWithAtLeast(windowStart, policy.accountAndAddress().maxFailures()).stream()
                        .map(pair -> new ThrottledPair(pair.login(), pair.clientAddress(), pair.failures().count(),
                                throttledUntil(pair.failures(), policy.accountAndAddress(), now)))
                        .filter(pair -> pair.until() != null)
                        .toList(),
                utc(now));
    }

    private List<Row> rows(List<Group> lastDay, List<Group> inWindow, Limit limit, Instant now) {
        Map<String, RecentFailures> recent = inWindow.stream().collect(Collectors.toMap(Group::key, Group::failures));
        return lastDay.stream()
                .map(group -> new Row(group.key(), group.failures().count(), group.others(), utc(group.failures().last()),
                        throttledUntil(recent.getOrDefault(group.key(), RecentFailures.NONE), limit, now)))
                .toList();
    }

    private ZonedDateTime throttledUntil(RecentFailures recent, Limit limit, Instant now) {
        return recent.throttledUntil(limit, policy.firstDelay()).filter(now::isBefore).map(SignInFailureReport::utc).orElse(null);
    }

    private static ZonedDateTime utc(Instant instant) {
        return instant.atZone(ZoneOffset.UTC);
    }

    /** The page's content; times in UTC. */
    record Report(List<Row> byLogin, List<Row> byAddress, List<ThrottledPair> throttledPairs, ZonedDateTime generatedAt) {
    }

    /**
     * One login or one address: its failures in the last day, how many addresses (or logins) they came from
     * (or tried), the last one, and until when the login (or address) as a whole is throttled, or null.
     */
    record Row(String key, long failures, long others, ZonedDateTime last, ZonedDateTime throttledUntil) {
    }

    /** A login throttled from one address, with the failures that count for the pair. */
    record ThrottledPair(String login, String clientAddress, long failures, ZonedDateTime until) {
    }
}
