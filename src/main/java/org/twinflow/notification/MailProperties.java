package org.twinflow.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code twinflow.mail.*}. The SMTP server itself is Spring Boot's {@code spring.mail.*}; without
 * {@code spring.mail.host} mail goes to the application log.
 *
 * @param from the sender of every mail
 * @param portalUrl the address of the application that mails link to
 * @param staffDigestPeriod at most one digest of waiting tasks per staff member in this period
 * @param staffDigestCheck how often the digest job looks for staff members due a digest
 * @param staffDigestEnabled whether the digest job runs in the background (tests run it themselves)
 * @param demoMailbox whether every delivered mail is also kept in memory and shown at {@code /demo/mailbox}
 *        (the {@code demo} profile only; see {@link DemoMailbox})
 */
@ConfigurationProperties("twinflow.mail")
public record MailProperties(
        @DefaultValue("twinflow@localhost") String from,
        @DefaultValue("http://localhost:8080") String portalUrl,
        @DefaultValue("PT4H") Duration staffDigestPeriod,
        @DefaultValue("PT5M") Duration staffDigestCheck,
        @DefaultValue("true") boolean staffDigestEnabled,
        @DefaultValue("false") boolean demoMailbox) {
}
