package org.twinflow.system.security.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.twinflow.TestUsers;
import org.twinflow.system.StaffGroups;

/**
 * The sign-in throttle through the portal's sign-in form (policy in application.yaml, docs/security.md):
 * no account is ever locked for good, guessing stays slow per account and address, per address and per
 * account, the owner gets back in within minutes, and every failure is recorded, and purged when old.
 * Time is moved on the engine clock, which is the application's clock. Each test uses addresses and
 * logins of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
class SignInThrottleIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Duration STEP = Duration.ofSeconds(15);

    @Autowired MockMvc mvc;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired SignInFailurePurge purge;

    private Instant now;

    enum Outcome { SIGNED_IN, WRONG, THROTTLED }

    @BeforeEach
    void freezeTheClock() {
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldLetTheOwnerBackInWithinMinutesAfterTwelveFailuresInsteadOfLockingTheAccount() throws Exception {
        // given an account that an attacker guesses at twelve times from one address, as fast as the throttle allows
        String owner = staffMember("throttleowner");
        String attacker = newAddress();
        Instant attackStart = now;
        int failures = 0;
        while (failures < 12) {
            if (signIn(owner, "guess number " + failures, attacker) == Outcome.WRONG) {
                failures++;
            } else {
                pass(STEP);
            }
        }
        Instant lastFailure = now;
        assertThat(Duration.between(attackStart, now)).as("time the twelve guesses took").isLessThan(Duration.ofHours(1));

        // then the owner signs in at once from another address ...
        assertThat(signIn(owner, PASSWORD, newAddress())).isEqualTo(Outcome.SIGNED_IN);

        // ... and from the attacker's address (a shared office, say) at most 15 minutes after the last failure
        while (signIn(owner, PASSWORD, attacker) == Outcome.THROTTLED) {
            pass(STEP);
        }
        assertThat(Duration.between(lastFailure, now)).isLessThanOrEqualTo(Duration.ofMinutes(15));
        // Camunda has not locked the account: it counted the failures and reset them at the successful sign-in
        assertThat(camundaAttempts(owner)).isZero();
    }

    @Test
    void shouldRefuseTheRightPasswordFromAThrottledAddressWithoutCheckingItButNotFromAnother() throws Exception {
        // given five wrong passwords from one address
        String owner = staffMember("throttlepair");
        String attacker = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(owner, "wrong " + i, attacker)).isEqualTo(Outcome.WRONG);
        }
        assertThat(camundaAttempts(owner)).as("failed checks Camunda counted").isEqualTo(5);

        // when the right password comes from that address
        var refused = post("/login").param("username", owner).param("password", PASSWORD).with(csrf()).with(from(attacker));
        String target = mvc.perform(refused).andReturn().getResponse().getRedirectedUrl();

        // then it is refused for half a minute, and the password was not even checked (Camunda would have reset its count)
        assertThat(target).isEqualTo("/login?throttled=1");
        assertThat(camundaAttempts(owner)).as("failed checks Camunda counted").isEqualTo(5);
        mvc.perform(get(target)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Too many failed sign-ins from here or with this name. Try again in 1 minute.")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("password is wrong"))));

        // and the owner signs in from anywhere else at once
        assertThat(signIn(owner, PASSWORD, newAddress())).isEqualTo(Outcome.SIGNED_IN);
        // and from the attacker's address when the half minute has passed
        pass(Duration.ofSeconds(31));
        assertThat(signIn(owner, PASSWORD, attacker)).isEqualTo(Outcome.SIGNED_IN);
        // that sign-in (its password remembered from the one before, not hashed again) cleared the pair's failures:
        // the owner's next typing mistake there is a wrong password, not another wait
        assertThat(signIn(owner, "typo", attacker)).isEqualTo(Outcome.WRONG);
    }

    @Test
    void shouldThrottleAnUnknownNameExactlyLikeAnAccountSoThatTheAnswerRevealsNothing() throws Exception {
        String unknown = "nobody-" + ADDRESSES.get() + "@nowhere.example";
        String known = staffMember("throttleknown");
        String first = newAddress();
        String second = newAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(unknown, "wrong " + i, first)).isEqualTo(Outcome.WRONG);
            assertThat(signIn(known, "wrong " + i, second)).isEqualTo(Outcome.WRONG);
        }
        assertThat(redirectOf(unknown, PASSWORD, first)).isEqualTo(redirectOf(known, PASSWORD, second)).isEqualTo("/login?throttled=1");
    }

    @Test
    void shouldAllowOneAddressAtMostTwelveGuessesAtAnAccountInTheFirstHourAndTenInEachHourAfter() throws Exception {
        // given an attacker who tries a password every 15 seconds for three hours from one address
        String victim = staffMember("throttlevictim");
        String attacker = newAddress();
        int[] guessesPerHour = new int[3];
        int refused = 0;
        Instant start = now;
        for (int hour = 0; hour < 3; hour++) {
            while (now.isBefore(start.plus(Duration.ofHours(hour + 1)))) {
                Outcome outcome = signIn(victim, "guess at " + now, attacker);
                if (outcome == Outcome.WRONG) {
                    guessesPerHour[hour]++;
                } else {
                    assertThat(outcome).isEqualTo(Outcome.THROTTLED);
                    refused++;
                }
                pass(STEP);
            }
        }

        // then the throttle let through 5 at once, then one each 30 s, 1, 2, 4, 8, 15, 15 minutes ... (docs/security.md)
        assertThat(guessesPerHour[0]).as("guesses in the first hour").isEqualTo(12);
        assertThat(guessesPerHour[1]).as("guesses in the second hour").isLessThanOrEqualTo(10);
        assertThat(guessesPerHour[2]).as("guesses in the third hour").isLessThanOrEqualTo(10);
        assertThat(refused).as("attempts refused without a password check").isGreaterThan(650);

        // and the owner, elsewhere, was never kept out
        assertThat(signIn(victim, PASSWORD, newAddress())).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void shouldThrottleAnAddressThatTriesThirtyNamesEvenForAnAccountItNeverTried() throws Exception {
        // given password spraying: one address, one password, thirty names
        String sprayer = newAddress();
        String colleague = staffMember("throttlesprayed");
        for (int i = 0; i < 30; i++) {
            assertThat(signIn("spray" + i + "-" + sprayer + "@nowhere.example", "Summer2026!", sprayer)).isEqualTo(Outcome.WRONG);
        }

        // then that address waits, even with an account and password that are right
        assertThat(signIn(colleague, PASSWORD, sprayer)).isEqualTo(Outcome.THROTTLED);
        // while the account's owner elsewhere signs in
        assertThat(signIn(colleague, PASSWORD, newAddress())).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void shouldThrottleAnAccountTriedFromManyAddressesAndLetTheOwnerInFiveMinutesAfterTheAttackStops() throws Exception {
        // given a distributed attack: every guess from a new address, as fast as the account's throttle allows
        String owner = staffMember("throttledistributed");
        int failures = 0;
        while (failures < 106) {
            if (signIn(owner, "guess " + failures, newAddress()) == Outcome.WRONG) {
                failures++;
            } else {
                pass(STEP);
            }
        }
        Instant attackStopped = now;

        // then the owner waits too, from anywhere (the delay is at its cap of five minutes by now) ...
        String ownersAddress = newAddress();
        assertThat(redirectOf(owner, PASSWORD, ownersAddress)).isEqualTo("/login?throttled=5");

        // ... and is back in five minutes after the attack stopped
        passUntil(attackStopped.plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(signIn(owner, PASSWORD, ownersAddress)).isEqualTo(Outcome.SIGNED_IN);
    }

    @Test
    void shouldRecordAndLogEachFailureWithNameAddressChannelAndTimeButNeverThePassword() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(SignInThrottle.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.WARN);
        logger.addAppender(log);
        String address = newAddress();
        try {
            signIn("  Record.Me@Nowhere.EXAMPLE ", "my secret guess", address);
        } finally {
            logger.detachAppender(log);
            logger.setLevel(level);
        }

        var rows = jdbc.sql("SELECT login, channel, attempted_at, pending FROM sign_in_failure WHERE client_address = :address")
                .param("address", address)
                .query((rs, n) -> List.of(rs.getString("login"), rs.getString("channel"), rs.getTimestamp("attempted_at").toInstant(),
                        rs.getBoolean("pending")))
                .list();
        assertThat(rows).containsExactly(List.of("record.me@nowhere.example", "FORM", now, false));
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("record.me@nowhere.example", address, "FORM").doesNotContain("secret");
        });
    }

    @Test
    void shouldGiveBackAnAccountThatTheOldPermanentLockHadLocked() throws Exception {
        // given an account as Camunda's login-max-attempts of 10 left it: ten failures, locked for good (ENGINE-27002)
        String locked = staffMember("throttlelegacy");
        transactions.executeWithoutResult(status -> jdbc.sql("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = :expired WHERE ID_ = :id")
                .param("expired", Timestamp.from(now.minus(Duration.ofDays(2)))).param("id", locked).update());
        assertThat(camundaAttempts(locked)).as("the old lock, as stored").isEqualTo(10);

        // then its owner signs in, and Camunda forgets the old failures
        assertThat(signIn(locked, PASSWORD, newAddress())).isEqualTo(Outcome.SIGNED_IN);
        assertThat(camundaAttempts(locked)).isZero();
    }

    @Test
    void shouldDeleteFailuresOlderThanTheRetention() throws Exception {
        String address = newAddress();
        Instant today = now;
        passUntil(today.minus(Duration.ofDays(31)));
        assertThat(signIn("purged@nowhere.example", "wrong", address)).isEqualTo(Outcome.WRONG);
        passUntil(today.minus(Duration.ofDays(29)));
        assertThat(signIn("kept@nowhere.example", "wrong", address)).isEqualTo(Outcome.WRONG);
        passUntil(today);

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT login FROM sign_in_failure WHERE client_address = :address").param("address", address)
                .query(String.class).list()).containsExactly("kept@nowhere.example");
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private Outcome signIn(String login, String password, String address) throws Exception {
        String target = redirectOf(login, password, address);
        if (target == null || target.startsWith("/login?error")) {
            return Outcome.WRONG;
        }
        return target.startsWith("/login?throttled=") ? Outcome.THROTTLED : Outcome.SIGNED_IN;
    }

    private String redirectOf(String login, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", login).param("password", password).with(csrf()).with(from(address)))
                .andReturn().getResponse().getRedirectedUrl();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A documentation address (RFC 3849) that no other test uses. */
    private static String newAddress() {
        return "2001:db8::" + Integer.toHexString(ADDRESSES.incrementAndGet());
    }

    private String staffMember(String id) {
        return TestUsers.ensure(identityService, id, "Test", id, id + "@throttle.example", PASSWORD, StaffGroups.SECRETARIAT);
    }

    private int camundaAttempts(String userId) {
        return ((UserEntity) identityService.createUserQuery().userId(userId).singleResult()).getAttempts();
    }

    private void pass(Duration duration) {
        passUntil(now.plus(duration));
    }

    private void passUntil(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(now));
    }
}
