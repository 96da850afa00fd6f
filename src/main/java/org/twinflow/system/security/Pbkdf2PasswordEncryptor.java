package org.twinflow.system.security;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Camunda stores passwords as one salted SHA-512 by default, which is fast to brute-force. This
 * hashes them with PBKDF2-HMAC-SHA256 (310,000 iterations, Spring Security's default), stored as
 * {@code {pbkdf2}…}. Passwords stored before keep working through Camunda's SHA-512 checker.
 */
class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    static final String NAME = "pbkdf2";

    private final Pbkdf2PasswordEncoder encoder = Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @Override
    public String encrypt(String password) {
        return encoder.encode(password);
    }

    @Override
    public boolean check(String password, String encrypted) {
        return encoder.matches(password, encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }
}
