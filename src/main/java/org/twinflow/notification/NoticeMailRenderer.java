package org.twinflow.notification;

import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a {@link NoticeMail} (and a {@link StaffDigestMail}, from {@code staff-digest.*}) into subject, HTML and plain text with Thymeleaf: {@code templates/mail/notice.html}
 * in HTML mode and {@code templates/mail/notice.txt} in TEXT mode, both with the application's message source
 * ({@code messages/mail.properties}). Its own template engine, so the portal's view resolution is untouched.
 */
@Component
public class NoticeMailRenderer {

    /** Mails are written in English until cities can choose a language. */
    static final Locale MAIL_LOCALE = Locale.ENGLISH;
    private static final String HTML_TEMPLATE = "notice.html";
    private static final String TEXT_TEMPLATE = "notice.txt";
    private static final String DIGEST_HTML_TEMPLATE = "staff-digest.html";
    private static final String DIGEST_TEXT_TEMPLATE = "staff-digest.txt";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    public NoticeMailRenderer(MessageSource messages) {
        this.messages = messages;
        engine.setTemplateEngineMessageSource(messages);
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 1));
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 2));
    }

    public MailMessage render(NoticeMail mail) {
        String subject = messages.getMessage("mail.subject", new Object[] { mail.reference(),
                messages.getMessage(mail.key() + ".subject", null, MAIL_LOCALE), mail.title() }, MAIL_LOCALE);
        Context context = new Context(MAIL_LOCALE);
        context.setVariable("mail", mail);
        context.setVariable("subject", subject);
        return new MailMessage(mail.to(), subject, engine.process(HTML_TEMPLATE, context), engine.process(TEXT_TEMPLATE, context));
    }

    public MailMessage render(StaffDigestMail digest) {
        String subject = messages.getMessage("mail.digest.subject", new Object[] { digest.tasks().size() }, MAIL_LOCALE);
        Context context = new Context(MAIL_LOCALE);
        context.setVariable("digest", digest);
        context.setVariable("subject", subject);
        return new MailMessage(digest.to(), subject, engine.process(DIGEST_HTML_TEMPLATE, context),
                engine.process(DIGEST_TEXT_TEMPLATE, context));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }
}
