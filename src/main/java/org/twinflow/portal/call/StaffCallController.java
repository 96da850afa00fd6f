package org.twinflow.portal.call;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.twinflow.call.CallDates;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallInvalidException;
import org.twinflow.call.CallRulesLockedException;
import org.twinflow.call.CallService;
import org.twinflow.call.CallDeadlineExtension;
import org.twinflow.timeline.TimelineActors;

/**
 * The secretariat's calls: the list, a call's page, its publication and the extension of its deadline.
 * Administrators may look; only the secretariat may change anything (SecurityConfig).
 */
@Controller
class StaffCallController {

    static final String VIEW_LIST = "staff/calls/list";
    static final String VIEW_CALL = "staff/calls/call";
    static final String REDIRECT_CALL = "redirect:/staff/calls/{reference}";
    static final String EXTENSION_FORM = "extensionForm";

    private final CallService calls;
    private final CallViews views;
    private final TimelineActors actors;
    private final MessageSource messages;

    StaffCallController(CallService calls, CallViews views, TimelineActors actors, MessageSource messages) {
        this.calls = calls;
        this.views = views;
        this.actors = actors;
        this.messages = messages;
    }

    /** One line of the list: the call and how many proposals were submitted to it. */
    record Row(CallView call, long submitted) {
    }

    @GetMapping("/staff/calls")
    String showCalls(Locale locale, Model model) {
        // One count per call: the secretariat runs a handful of calls a year, not hundreds.
        model.addAttribute("rows", calls.all().stream()
                .map(call -> new Row(views.of(call, locale), calls.submittedProposalCount(call.getId()))).toList());
        return VIEW_LIST;
    }

    @GetMapping("/staff/calls/{reference}")
    String showCall(@PathVariable String reference, Locale locale, Model model) {
        CallForProposals call = calls.byReference(reference);
        model.addAttribute(EXTENSION_FORM, DeadlineExtensionForm.from(call.getClosesAt(), call.getTimeZone()));
        return callPage(call, locale, model);
    }

    @PostMapping("/staff/calls/{reference}/publish")
    String publishCall(@PathVariable String reference, Principal principal, RedirectAttributes redirect, Locale locale) {
        redirect.addAttribute("reference", reference);
        try {
            CallForProposals call = calls.publish(reference, principal.getName());
            redirect.addFlashAttribute("message", text("staffCalls.published", locale, call.getReference(), call.getTitle()));
        } catch (CallRulesLockedException refused) {
            redirect.addFlashAttribute("warning", refused.getMessage());
        }
        return REDIRECT_CALL;
    }

    @PostMapping("/staff/calls/{reference}/extensions")
    String extendDeadline(@PathVariable String reference, @Valid @ModelAttribute(EXTENSION_FORM) DeadlineExtensionForm form,
            BindingResult result, Principal principal, Locale locale, Model model, RedirectAttributes redirect) {
        CallForProposals call = calls.byReference(reference);
        if (!result.hasErrors()) {
            try {
                CallForProposals extended = calls.extendDeadline(reference, form.newClosesAt(call.getTimeZone()), form.getReason(),
                        principal.getName());
                redirect.addAttribute("reference", reference);
                redirect.addFlashAttribute("message", text("staffCalls.extended", locale, reference,
                        CallDates.format(extended.getClosesAt(), extended.getTimeZone())));
                return REDIRECT_CALL;
            } catch (CallInvalidException invalid) {
                invalid.problems().forEach(p -> result.rejectValue("closesAt".equals(p.field()) ? "closesDate" : p.field(), "CallRule",
                        p.message()));
            } catch (CallRulesLockedException refused) {
                result.reject("CallLocked", refused.getMessage());
            }
        }
        return callPage(call, locale, model);
    }

    private String callPage(CallForProposals call, Locale locale, Model model) {
        model.addAttribute("call", views.of(call, locale));
        model.addAttribute("submitted", calls.submittedProposalCount(call.getId()));
        model.addAttribute("publishedAt", call.isPublished() ? CallDates.format(call.getPublishedAt(), call.getTimeZone()) : null);
        model.addAttribute("publishedBy", call.getPublishedBy());
        model.addAttribute("people", namesOf(call));
        return VIEW_CALL;
    }

    /** Who published and extended the call, by name where the identity service knows them, else by user id. */
    private Map<String, String> namesOf(CallForProposals call) {
        List<String> ids = Stream.concat(Stream.ofNullable(call.getPublishedBy()),
                calls.extensionsOf(call.getId()).stream().map(CallDeadlineExtension::extendedBy)).distinct().toList();
        Map<String, TimelineActors.Actor> known = actors.lookUp(ids);
        return ids.stream().collect(Collectors.toMap(id -> id, id -> {
            String name = TimelineActors.of(known, id).name();
            return name == null ? id : name;
        }));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
