package org.twinflow.notification;

/**
 * Hands a rendered mail to whatever delivers it: an SMTP server, or the log when none is configured.
 * Implementations throw when the mail cannot be delivered, so that the notice's job fails and is retried.
 */
public interface MailDelivery {

    void deliver(MailMessage mail);
}
