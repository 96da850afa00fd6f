package org.twinflow.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Shows the "Mailbox" link in the portal's navigation (fragments/layout.html) while the demo mailbox is on. */
@ControllerAdvice
@ConditionalOnBooleanProperty(DemoMailbox.ENABLED)
class DemoMailboxLinkAdvice {

    @ModelAttribute("demoMailbox")
    boolean demoMailbox() {
        return true;
    }
}
