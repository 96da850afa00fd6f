package org.twinflow.notification;

/**
 * Wraps the chosen delivery (log or SMTP) while the demo mailbox is on: a mail is kept in the mailbox
 * only after that delivery took it, so a failed SMTP send never shows up there as sent.
 */
class DemoMailboxDelivery implements MailDelivery {

    private final MailDelivery delivery;
    private final DemoMailbox mailbox;

    DemoMailboxDelivery(MailDelivery delivery, DemoMailbox mailbox) {
        this.delivery = delivery;
        this.mailbox = mailbox;
    }

    @Override
    public void deliver(MailMessage mail) {
        delivery.deliver(mail);
        mailbox.keep(mail);
    }
}
