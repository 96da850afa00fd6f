package org.twinflow.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the staff digest every {@code twinflow.mail.staff-digest-check} (default 5 minutes; the digest
 * itself honours {@code staff-digest-period}). Off with {@code twinflow.mail.staff-digest-enabled=false}
 * (tests call {@link StaffDigestService#sendDueDigests()} themselves).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "twinflow.mail.staff-digest-enabled", havingValue = "true", matchIfMissing = true)
class StaffDigestScheduler {

    private final StaffDigestService digests;

    StaffDigestScheduler(StaffDigestService digests) {
        this.digests = digests;
    }

    @Scheduled(initialDelayString = "${twinflow.mail.staff-digest-check:PT5M}", fixedDelayString = "${twinflow.mail.staff-digest-check:PT5M}")
    void sendDueDigests() {
        digests.sendDueDigests();
    }
}
