package org.twinflow.notification;

/** One rendered e-mail: a single recipient, the subject, and the same content as HTML and plain text. */
public record MailMessage(String to, String subject, String html, String text) {
}
