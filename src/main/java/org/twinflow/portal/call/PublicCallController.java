package org.twinflow.portal.call;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.twinflow.call.CallService;

/** A published call's public page: what it funds, its rules and dates, and the way to apply while it is open. */
@Controller
class PublicCallController {

    static final String VIEW_CALL = "calls/call";

    private final CallService calls;
    private final CallViews views;

    PublicCallController(CallService calls, CallViews views) {
        this.calls = calls;
        this.views = views;
    }

    @GetMapping("/calls/{reference}")
    String showCall(@PathVariable String reference, Locale locale, Model model) {
        model.addAttribute("call", views.of(calls.publishedByReference(reference), locale));
        return VIEW_CALL;
    }
}
