package org.twinflow.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo mailbox pages (only with {@code twinflow.mail.demo-mailbox=true}): the list, one mail with its
 * headers and plain-text part, and its HTML part on its own. A mail the user may not read answers 404,
 * like an unknown one.
 */
@Controller
@ConditionalOnBooleanProperty(DemoMailbox.ENABLED)
@RequestMapping("/demo/mailbox")
class DemoMailboxController {

    static final String VIEW_LIST = "mailbox/list";
    static final String VIEW_MAIL = "mailbox/mail";
    static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    /** The mail's HTML runs no script and gets an opaque origin: it cannot reach the portal or its session. */
    static final String HTML_PART_POLICY = "sandbox";

    private final DemoMailbox mailbox;
    private final DemoMailboxAccess access;

    DemoMailboxController(DemoMailbox mailbox, DemoMailboxAccess access) {
        this.mailbox = mailbox;
        this.access = access;
    }

    @GetMapping
    String showMailbox(Authentication user, Model model) {
        model.addAttribute("mails", mailbox.newestFirst().stream().filter(access.readableBy(user)).toList());
        model.addAttribute("capacity", DemoMailbox.CAPACITY);
        return VIEW_LIST;
    }

    @GetMapping("/{id}")
    String showMail(@PathVariable long id, Authentication user, Model model) {
        model.addAttribute("mail", readableMail(id, user));
        return VIEW_MAIL;
    }

    @GetMapping("/{id}/html")
    ResponseEntity<String> showHtmlPart(@PathVariable long id, Authentication user) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                // Set here, so the portal's own policy (SecurityConfig) is not added next to it.
                .header(CONTENT_SECURITY_POLICY, HTML_PART_POLICY)
                .body(readableMail(id, user).html());
    }

    private DemoMail readableMail(long id, Authentication user) {
        return mailbox.find(id).filter(access.readableBy(user)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
