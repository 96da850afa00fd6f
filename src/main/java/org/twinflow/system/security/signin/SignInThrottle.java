package org.twinflow.system.security.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.twinflow.system.security.signin.SignInFailures.KeyedFailures;
import org.twinflow.system.security.signin.SignInFailures.Recent;

/**
 * Slows down password guessing without locking anybody out for good (docs/security.md). Every sign-in, by
 * form or HTTP Basic, {@link #begin begins} an attempt here before its password is checked and then reports
 * whether it {@link Attempt#succeeded succeeded} or {@link Attempt#failed failed}.
 * <p>
 * Failures are counted in the database over a sliding window by login and client address together, by
 * address alone and by login alone; a key over its limit is refused, without a password check, for a delay
 * that doubles with each further failure. The state is the table {@code sign_in_failure} only, so that
 * application nodes sharing a database share it.
 */
@Service
public class SignInThrottle {

    static final int LOGIN_LENGTH = 190;
    static final int ADDRESS_LENGTH = 64;
    static final String UNKNOWN_ADDRESS = "unknown";
    /** How long an attempt waits that is over a limit only with the attempts still being checked. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInFailures failures;
    private final SignInThrottleProperties policy;
    private final Clock clock;

    SignInThrottle(SignInFailures failures, SignInThrottleProperties policy, Clock clock) {
        this.failures = failures;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Begins a sign-in attempt, or refuses it while its keys are throttled. The attempt is written down
     * before the password is checked and the counts are read again, so that parallel attempts (on this or
     * another node) see each other: no more attempts get a password check than the limits allow.
     *
     * @throws SignInThrottledException when the attempt must wait; nothing is recorded then
     */
    public Attempt begin(String login, String clientAddress, SignInChannel channel) {
        String key = normalisedLogin(login);
        String address = normalisedAddress(clientAddress);
        Instant now = clock.instant();
        refuseWhileThrottled(key, address, now, SignInFailures.NO_ROW);
        long row = failures.insertPending(key, address, channel, now);
        try {
            refuseWhileThrottled(key, address, now, row);
        } catch (SignInThrottledException overtaken) {
            failures.delete(row);
            throw overtaken;
        }
        return new Attempt(key, address, channel, row);
    }

    /**
     * A sign-in that does not need a password check (the same right password a moment ago, see RecentSignIns):
     * refused while its keys are throttled, otherwise a throttled client could keep testing guesses against
     * it; let through, it counts like a checked success, so the pair's earlier failures stop counting for it.
     *
     * @throws SignInThrottledException when the sign-in must wait
     */
    public void rememberedSuccess(String login, String clientAddress) {
        String key = normalisedLogin(login);
        String address = normalisedAddress(clientAddress);
        Instant now = clock.instant();
        Recent recent = refuseWhileThrottled(key, address, now, SignInFailures.NO_ROW);
        if (recent.failed().pair().count() > 0) {
            failures.clearPair(key, address, now.minus(policy.window()));
        }
    }

    /**
     * Refuses an attempt for the throttle's delay when its keys' failures are over a limit, or for a moment when
     * they would be with the attempts still being checked: their outcome is not known yet, and a script that
     * signs in with the right password on many threads at once is not guessing.
     */
    private Recent refuseWhileThrottled(String login, String address, Instant now, long exclude) {
        Recent recent = failures.count(login, address, now.minus(policy.window()), exclude);
        Optional<Duration> wait = throttledUntil(recent.failed(), now).map(until -> Duration.between(now, until))
                .or(() -> throttledUntil(recent.withPending(), now).map(until -> IN_FLIGHT_WAIT));
        if (wait.isPresent()) {
            log.debug("Sign-in for '{}' from {} refused for {}", login, address, wait.get());
            throw new SignInThrottledException(wait.get());
        }
        return recent;
    }

    /** Until when a login from an address is throttled, if it is at {@code now}. */
    private Optional<Instant> throttledUntil(KeyedFailures recent, Instant now) {
        return Stream.of(
                        recent.pair().throttledUntil(policy.accountAndAddress(), policy.firstDelay()),
                        recent.address().throttledUntil(policy.address(), policy.firstDelay()),
                        recent.login().throttledUntil(policy.account(), policy.firstDelay()))
                .flatMap(Optional::stream)
                .filter(now::isBefore)
                .max(Instant::compareTo);
    }

    /** The login as the throttle counts it: trimmed, lower case, no control characters, cut to the column. */
    static String normalisedLogin(String login) {
        String normalised = login == null ? "" : login.strip().toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "?");
        return normalised.length() > LOGIN_LENGTH ? normalised.substring(0, LOGIN_LENGTH) : normalised;
    }

    static String normalisedAddress(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return UNKNOWN_ADDRESS;
        }
        String normalised = clientAddress.strip().toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "?");
        return normalised.length() > ADDRESS_LENGTH ? normalised.substring(0, ADDRESS_LENGTH) : normalised;
    }

    /** A sign-in whose password is being checked; its pending row counts like a failure until it reports its outcome. */
    public final class Attempt {

        private final String login;
        private final String address;
        private final SignInChannel channel;
        private final long row;

        private Attempt(String login, String address, SignInChannel channel, long row) {
            this.login = login;
            this.address = address;
            this.channel = channel;
            this.row = row;
        }

        /** The password was right: the attempt was no failure, and the pair's earlier failures stop counting for it. */
        public void succeeded() {
            failures.delete(row);
            failures.clearPair(login, address, clock.instant().minus(policy.window()));
        }

        /** The account is unknown or the password wrong: the row stays, a failure, for the throttle and the administrators. */
        public void failed() {
            failures.markFailed(row);
            log.warn("Failed sign-in for '{}' from {} ({})", login, address, channel);
        }
    }
}
