package org.twinflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The demo mailbox keeps the latest 200 mails, newest first, each with its own id and the time it arrived. */
class DemoMailboxTest {

    private static final Instant NOW = Instant.parse("2026-03-12T09:30:00Z");

    private final DemoMailbox mailbox = new DemoMailbox(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldKeepTheLatest200MailsNewestFirst() {
        // given 201 delivered mails
        List<DemoMail> kept = IntStream.rangeClosed(1, 201).mapToObj(n -> mailbox.keep(mail(n))).toList();

        // when the mailbox is listed
        List<DemoMail> mails = mailbox.newestFirst();

        // then the oldest one is gone and the rest are listed newest first
        assertThat(mails).hasSize(DemoMailbox.CAPACITY).hasSize(200);
        assertThat(mails.get(0).subject()).isEqualTo("Mail 201");
        assertThat(mails.get(199).subject()).isEqualTo("Mail 2");
        assertThat(mails).extracting(DemoMail::subject).doesNotContain("Mail 1");
        assertThat(mailbox.find(kept.get(0).id())).isEmpty();
        assertThat(mailbox.find(kept.get(1).id())).get().extracting(DemoMail::subject).isEqualTo("Mail 2");
    }

    @Test
    void shouldKeepEveryPartWithAnIdAndTheTimeOfTheApplicationClock() {
        // when one mail is kept
        DemoMail kept = mailbox.keep(new MailMessage("kerja.sama@semarang.example", "[TW-2026-0001] Proposal received",
                "<p>Dear Rina Wulandari,</p>", "Dear Rina Wulandari,"));

        // then it is found by its id with all its parts and the clock's time
        assertThat(mailbox.find(kept.id())).contains(new DemoMail(kept.id(), NOW, "kerja.sama@semarang.example",
                "[TW-2026-0001] Proposal received", "<p>Dear Rina Wulandari,</p>", "Dear Rina Wulandari,"));
        assertThat(kept.receivedAtUtc()).isEqualTo(NOW.atZone(ZoneOffset.UTC));
        assertThat(mailbox.find(kept.id() + 1)).isEmpty();
    }

    @Test
    void shouldGiveEachMailItsOwnIdWhenJobThreadsDeliverAtTheSameTime() throws Exception {
        // given eight threads delivering 50 mails each
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> deliveries = IntStream.range(0, 8).<Future<?>>mapToObj(t -> threads.submit(() -> {
                for (int n = 0; n < 50; n++) {
                    mailbox.keep(mail(t * 100 + n));
                }
            })).toList();
            for (Future<?> delivery : deliveries) {
                delivery.get();
            }
        } finally {
            threads.shutdown();
        }

        // then the latest 200 of the 400 are kept, with distinct ids, newest (highest id) first
        List<Long> ids = mailbox.newestFirst().stream().map(DemoMail::id).toList();
        assertThat(ids).hasSize(200).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(ids.get(0)).isEqualTo(400L);
    }

    private static MailMessage mail(int n) {
        return new MailMessage("city" + n + "@example.org", "Mail " + n, "<p>Mail " + n + "</p>", "Mail " + n);
    }
}
