package org.twinflow.system.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Sign-ins that succeeded a moment ago, so that a REST client sending HTTP Basic with every request
 * does not pay the password hash (PBKDF2, about 90 ms of CPU here) each time. An entry is an HMAC of
 * the login and password under a key made at start and kept in memory only — never the password, and
 * nothing an attacker could test guesses against without that key — mapped to the user id, for
 * {@code twinflow.security.sign-in.verified-for} (2 minutes). Only right passwords enter it, so a guess
 * still costs the full check and passes the throttle. A password changed in Admin keeps working, and a
 * group membership changed there takes effect, after at most that long on the node that saw it (docs/security.md).
 */
@Component
class RecentSignIns {

    /** More entries than that are cleared rather than searched: a flood of sign-ins must not grow memory. */
    static final int MAX_ENTRIES = 10_000;

    /** A sign-in verified a moment ago: the user and the authorities (groups) it had then. */
    record Verified(String userId, List<GrantedAuthority> authorities) {
    }

    private record Entry(Verified verified, Instant until) {
    }

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;

    RecentSignIns(@Value("${twinflow.security.sign-in.verified-for:PT2M}") Duration lifetime, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The user and authorities if this login signed in with this password within the lifetime. */
    Optional<Verified> verifiedOf(String login, String password) {
        if (lifetime.isZero()) {
            return Optional.empty();
        }
        String fingerprint = fingerprint(login, password);
        Entry entry = verified.get(fingerprint);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            verified.remove(fingerprint, entry);
            return Optional.empty();
        }
        return Optional.of(entry.verified());
    }

    void remember(String login, String password, Verified signedIn) {
        if (lifetime.isZero()) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            verified.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(fingerprint(login, password), new Entry(signedIn, clock.instant().plus(lifetime)));
    }

    private String fingerprint(String login, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(login.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
