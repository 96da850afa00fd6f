-- Staff digests (org.twinflow.notification.StaffDigestService): when each staff member last got a digest
-- of the tasks waiting for them, so that nobody gets more than one per twinflow.mail.staff-digest-period.
-- The row is also the claim: the digest job updates it in the transaction that sends the mail.
CREATE TABLE staff_digest (
    user_id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    last_sent_at      TIMESTAMP(6)  NOT NULL
);
