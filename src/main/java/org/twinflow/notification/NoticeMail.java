package org.twinflow.notification;

import java.util.List;

/**
 * What a notice mail says, ready for the templates {@code templates/mail/notice.html} and
 * {@code notice.txt}: texts come from {@code messages/mail.properties} under {@code mail.notice.<NOTICE>.*};
 * the optional parts (question, deadline, reasons, feedback…) are null or empty when a notice has none.
 * Dates are already formatted (UTC).
 */
public record NoticeMail(
        Notice notice,
        String to,
        String recipientName,
        String reference,
        String title,
        String cityName,
        String question,
        String deadline,
        List<String> reasonKeys,
        String feedback,
        String conditions,
        String overallScore,
        String reviewer,
        String link) {

    public NoticeMail {
        reasonKeys = reasonKeys == null ? List.of() : List.copyOf(reasonKeys);
    }

    /** The message key prefix of this notice's texts. */
    public String key() {
        return "mail.notice." + notice.name();
    }
}
