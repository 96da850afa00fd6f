package org.twinflow.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Sends mail through Spring's {@link JavaMailSender} (configured by {@code spring.mail.*}). */
class SmtpMailDelivery implements MailDelivery {

    private final JavaMailSender sender;
    private final String from;

    SmtpMailDelivery(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    /**
     * Sends the plain-text and HTML parts as multipart/alternative. A failure propagates as a
     * {@link MailSendException} whose message says in one line what failed, where and which mail: it
     * becomes the incident message an administrator reads in Cockpit. The JavaMail chain stays its cause.
     */
    @Override
    public void deliver(MailMessage mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
        } catch (MessagingException e) {
            throw new MailPreparationException("Cannot prepare the mail '" + mail.subject() + "' to " + mail.to(), e);
        }
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new MailSendException(failure(e, mail), e);
        }
    }

    /**
     * "Mail server connection failed (mail server 127.0.0.1:2525: ConnectException: Connection refused):
     * e-mail '[TW-2026-0001] Proposal received: …' to city@example.org not sent" instead of Spring's message,
     * which nests the whole JavaMail chain ("Failed messages: …MailConnectException… nested exception is: …").
     * The subject comes last, so that the engine's cut of long exception messages drops only its end.
     */
    private String failure(MailException e, MailMessage mail) {
        String summary = e.getMessage() == null ? "" : e.getMessage().split("\\.? ?Failed messages: ", 2)[0].strip();
        Throwable cause = e.getCause();
        if (cause == null && e instanceof MailSendException send && send.getMessageExceptions().length > 0) {
            cause = send.getMessageExceptions()[0];
        }
        String server = sender instanceof JavaMailSenderImpl smtp && smtp.getHost() != null
                ? "mail server " + smtp.getHost() + (smtp.getPort() > 0 ? ":" + smtp.getPort() : "")
                : "mail server";
        String reason = server;
        if (cause != null) {
            Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
            reason += ": " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage().strip());
        }
        return (summary.isEmpty() ? "Mail not accepted by the mail server" : summary)
                + " (" + reason + "): e-mail '" + mail.subject() + "' to " + mail.to() + " not sent";
    }
}
