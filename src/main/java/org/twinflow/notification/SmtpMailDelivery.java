package org.twinflow.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
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

    /** Sends the plain-text and HTML parts as multipart/alternative; a {@code MailException} propagates. */
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
        sender.send(message);
    }
}
