package org.twinflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without an SMTP server ({@code spring.mail.host} unset: the default and demo runs) mail goes to the log. */
class LoggingMailDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailDelivery.class);

    private final String from;

    LoggingMailDelivery(String from) {
        this.from = from;
    }

    @Override
    public void deliver(MailMessage mail) {
        log.info("Mail (no SMTP server configured, spring.mail.host is not set)\nFrom: {}\nTo: {}\nSubject: {}\n\n{}",
                from, mail.to(), mail.subject(), mail.text());
    }
}
