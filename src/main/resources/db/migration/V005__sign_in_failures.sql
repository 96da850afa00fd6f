-- Failed sign-ins (org.twinflow.system.security.signin, docs/security.md): the sign-in throttle counts them
-- by login and client address, by address and by login; administrators see them at
-- /staff/security/sign-in-failures. A row is written, pending, when an attempt's password is about to be
-- checked, so that parallel attempts count each other; it becomes a failure when the password was wrong and is
-- deleted when it was right. Kept for twinflow.security.sign-in.retention.
CREATE TABLE sign_in_failure (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    -- as typed: trimmed, lower case, cut to 190 characters (190 x 4 bytes of utf8mb4 fit any InnoDB index)
    login             VARCHAR(190)  NOT NULL,
    client_address    VARCHAR(64)   NOT NULL,
    -- FORM (the portal's sign-in page) or BASIC (HTTP Basic on /engine-rest)
    channel           VARCHAR(10)   NOT NULL,
    attempted_at      TIMESTAMP(6)  NOT NULL,
    -- the password is being checked right now (or the check never ended: a crash)
    pending           BOOLEAN       NOT NULL DEFAULT FALSE,
    -- a later successful sign-in of the same login from the same address: no longer counts for that pair
    pair_cleared      BOOLEAN       NOT NULL DEFAULT FALSE
);
CREATE INDEX ix_sign_in_failure_login ON sign_in_failure (login, attempted_at);
CREATE INDEX ix_sign_in_failure_address ON sign_in_failure (client_address, attempted_at);
CREATE INDEX ix_sign_in_failure_attempted_at ON sign_in_failure (attempted_at);
