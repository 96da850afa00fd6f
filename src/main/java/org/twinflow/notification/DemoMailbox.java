package org.twinflow.notification;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo-only mailbox ({@code twinflow.mail.demo-mailbox=true}, set by the {@code demo} profile): the
 * latest {@value #CAPACITY} delivered mails, in memory, for the page {@code /demo/mailbox}. A restart empties
 * it. Thread-safe, since notice jobs deliver on several job executor threads.
 */
@Component
@ConditionalOnBooleanProperty(DemoMailbox.ENABLED)
class DemoMailbox {

    static final String ENABLED = "twinflow.mail.demo-mailbox";
    static final int CAPACITY = 200;

    private final Clock clock;
    private final Deque<DemoMail> mails = new ArrayDeque<>(CAPACITY + 1);
    private long lastId;

    DemoMailbox(Clock clock) {
        this.clock = clock;
    }

    /** Keeps a delivered mail, dropping the oldest one beyond {@value #CAPACITY}. */
    synchronized DemoMail keep(MailMessage mail) {
        DemoMail kept = new DemoMail(++lastId, clock.instant(), mail.to(), mail.subject(), mail.html(), mail.text());
        mails.addFirst(kept);
        if (mails.size() > CAPACITY) {
            mails.removeLast();
        }
        return kept;
    }

    synchronized List<DemoMail> newestFirst() {
        return List.copyOf(mails);
    }

    synchronized Optional<DemoMail> find(long id) {
        return mails.stream().filter(mail -> mail.id() == id).findFirst();
    }
}
