package org.twinflow.portal.call;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

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
import org.twinflow.call.CallDraft;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallInvalidException;
import org.twinflow.call.CallMode;
import org.twinflow.call.CallRulesLockedException;
import org.twinflow.call.CallService;
import org.twinflow.city.Countries;
import org.twinflow.proposal.Sdg;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.CallProperties;

/** The secretariat writes a new call, or changes one as far as {@link CallService#update} allows. */
@Controller
class StaffCallFormController {

    static final String VIEW_CALL_FORM = "staff/calls/form";
    static final String FORM = "callForm";

    private final CallService calls;
    private final CallProperties defaults;
    private final MessageSource messages;
    private final Clock clock;

    StaffCallFormController(CallService calls, CallProperties defaults, MessageSource messages, Clock clock) {
        this.calls = calls;
        this.defaults = defaults;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/staff/calls/new")
    String initCreationForm(Model model) {
        return showForm(CallForm.withDefaults(defaults, clock.instant()), null, model);
    }

    @PostMapping("/staff/calls/new")
    String processCreationForm(@Valid @ModelAttribute(FORM) CallForm form, BindingResult result, Model model, RedirectAttributes redirect,
            Locale locale) {
        if (checked(form, result)) {
            try {
                CallForProposals created = calls.create(form.toDraft(null));
                return toCall(created, "staffCalls.created", redirect, locale);
            } catch (CallInvalidException invalid) {
                reject(invalid, result);
            }
        }
        return showForm(form, null, model);
    }

    @GetMapping("/staff/calls/{reference}/edit")
    String initUpdateForm(@PathVariable String reference, Model model) {
        CallForProposals call = calls.byReference(reference);
        return showForm(CallForm.of(call.toDraft()), call, model);
    }

    @PostMapping("/staff/calls/{reference}/edit")
    String processUpdateForm(@PathVariable String reference, @Valid @ModelAttribute(FORM) CallForm form, BindingResult result,
            Model model, RedirectAttributes redirect, Locale locale) {
        CallForProposals call = calls.byReference(reference);
        // The reference names the call: it never changes, whatever the request says.
        form.setReference(call.getReference());
        if (checked(form, result)) {
            try {
                CallForProposals updated = calls.update(reference, form.toDraft(call.toDraft()));
                return toCall(updated, "staffCalls.updated", redirect, locale);
            } catch (CallInvalidException invalid) {
                reject(invalid, result);
            } catch (CallRulesLockedException locked) {
                result.reject("CallLocked", locked.getMessage());
            }
        }
        return showForm(form, call, model);
    }

    /** What the service cannot see in a {@link CallDraft}: a time zone or country code that does not exist, a document no form asks for. */
    private static boolean checked(CallForm form, BindingResult result) {
        if (!result.hasFieldErrors("timeZone") && form.zone() == null) {
            result.rejectValue("timeZone", "ZoneId", "Unknown time zone");
        }
        List<String> unknown = form.countryCodes().stream().filter(code -> !Countries.isKnown(code)).toList();
        if (!result.hasFieldErrors("leadCountries") && !unknown.isEmpty()) {
            result.rejectValue("leadCountries", "Country", new Object[] {String.join(", ", unknown)}, "Unknown country code");
        }
        if (!CallForm.REQUIRABLE_DOCUMENTS.containsAll(form.getRequiredDocuments())) {
            result.rejectValue("requiredDocuments", "Document", "Not a document of the proposal form");
        }
        return !result.hasErrors();
    }

    private static void reject(CallInvalidException invalid, BindingResult result) {
        invalid.problems().forEach(problem -> result.rejectValue(CallForm.fieldOf(problem.field()), "CallRule", problem.message()));
    }

    private String toCall(CallForProposals call, String messageKey, RedirectAttributes redirect, Locale locale) {
        redirect.addAttribute("reference", call.getReference());
        redirect.addFlashAttribute("message", messages.getMessage(messageKey, new Object[] {call.getReference(), call.getTitle()}, locale));
        return StaffCallController.REDIRECT_CALL;
    }

    private String showForm(CallForm form, CallForProposals existing, Model model) {
        model.addAttribute(FORM, form);
        model.addAttribute("existing", existing == null ? null : existing.getReference());
        model.addAttribute("published", existing != null && existing.isPublished());
        model.addAttribute("formAction", existing == null ? "/staff/calls/new" : "/staff/calls/" + existing.getReference() + "/edit");
        model.addAttribute("modes", CallMode.values());
        model.addAttribute("thematicAreas", ThematicArea.values());
        model.addAttribute("sdgNumbers", IntStream.rangeClosed(Sdg.FIRST, Sdg.LAST).boxed().toList());
        model.addAttribute("documentKinds", CallForm.REQUIRABLE_DOCUMENTS);
        model.addAttribute("timeZones", form.timeZonesOffered());
        return VIEW_CALL_FORM;
    }
}
