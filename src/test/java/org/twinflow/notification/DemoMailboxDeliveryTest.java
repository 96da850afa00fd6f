package org.twinflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** The demo mailbox shows a mail only once the real delivery (log or SMTP) has taken it. */
class DemoMailboxDeliveryTest {

    private static final MailMessage RECEIPT = new MailMessage("kerja.sama@semarang.example", "[TW-2026-0001] Proposal received",
            "<p>Received.</p>", "Received.");

    private final DemoMailbox mailbox = new DemoMailbox(Clock.systemUTC());

    @Test
    void shouldDeliverAndThenKeepTheMail() {
        // given a delivery that works
        List<MailMessage> delivered = new ArrayList<>();

        // when a mail is delivered through the mailbox
        new DemoMailboxDelivery(delivered::add, mailbox).deliver(RECEIPT);

        // then the real delivery got it and the mailbox shows it
        assertThat(delivered).containsExactly(RECEIPT);
        assertThat(mailbox.newestFirst()).singleElement().extracting(DemoMail::subject).isEqualTo(RECEIPT.subject());
    }

    @Test
    void shouldKeepNothingWhenTheDeliveryFails() {
        // given an SMTP server that is down
        MailDelivery failing = mail -> {
            throw new MailSendException("Mail server connection failed");
        };

        // when a mail is delivered through the mailbox, the failure reaches the caller (the notice job is retried)
        assertThatThrownBy(() -> new DemoMailboxDelivery(failing, mailbox).deliver(RECEIPT)).isInstanceOf(MailSendException.class);

        // and the mailbox does not show it as sent
        assertThat(mailbox.newestFirst()).isEmpty();
    }
}
