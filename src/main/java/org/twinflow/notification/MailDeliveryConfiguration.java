package org.twinflow.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Picks the mail delivery: SMTP when Spring Boot configured a {@link JavaMailSender} (it does so when
 * {@code spring.mail.host} is set: docker compose, production, the mail tests), the log otherwise. With
 * {@code twinflow.mail.demo-mailbox} on, either one also keeps what it delivered in the {@link DemoMailbox}.
 */
@Configuration(proxyBeanMethods = false)
class MailDeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryConfiguration.class);

    @Bean
    MailDelivery mailDelivery(ObjectProvider<JavaMailSender> sender, MailProperties properties, ObjectProvider<DemoMailbox> demoMailbox) {
        MailDelivery delivery = chosenDelivery(sender.getIfAvailable(), properties);
        if (!properties.demoMailbox()) {
            return delivery;
        }
        log.info("twinflow.mail.demo-mailbox is on: delivered mails are also shown at /demo/mailbox");
        return new DemoMailboxDelivery(delivery, demoMailbox.getObject());
    }

    private static MailDelivery chosenDelivery(JavaMailSender smtp, MailProperties properties) {
        if (smtp == null) {
            log.info("spring.mail.host is not set: notices are written to the log, not mailed");
            return new LoggingMailDelivery(properties.from());
        }
        return new SmtpMailDelivery(smtp, properties.from());
    }
}
