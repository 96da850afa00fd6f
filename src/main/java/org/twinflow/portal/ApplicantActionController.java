package org.twinflow.portal;

import java.security.Principal;
import java.util.Locale;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultMessageCodesResolver;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.twinflow.document.DocumentRejectedException;
import org.twinflow.document.Upload;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.system.web.SubmitOnce;
import org.twinflow.system.web.SubmitOnce.Outcome;
import org.twinflow.system.web.SubmittedForm;
import org.twinflow.proposal.ActionNotAwaitedException;
import org.twinflow.proposal.Proposal;

/**
 * The applicant's answers to what the process waits for: a clarification, the signed agreement, a
 * report. Post/redirect/get with a flash {@code message}; errors next to the fields on the proposal
 * page; an action the process no longer waits for (second click, second tab) gets a flash
 * {@code warning} and changes nothing.
 */
@Controller
class ApplicantActionController {

    static final String CLARIFICATION_FORM = "clarificationForm";
    static final String AGREEMENT_FORM = "agreementForm";
    static final String REPORT_FORM = "reportForm";
    private static final String REDIRECT_TO_PAGE = "redirect:/proposals/{reference}";
    private static final Logger log = LoggerFactory.getLogger(ApplicantActionController.class);

    private final ProposalPageAccess access;
    private final ProposalPageModel pageModel;
    private final ApplicantActionService actions;
    private final MessageSource messages;
    private final SubmitOnce submitOnce;

    ApplicantActionController(ProposalPageAccess access, ProposalPageModel pageModel, ApplicantActionService actions,
            MessageSource messages, SubmitOnce submitOnce) {
        this.submitOnce = submitOnce;
        this.access = access;
        this.pageModel = pageModel;
        this.actions = actions;
        this.messages = messages;
    }

    /** Error codes of these forms start with "page." (page.typeMismatch...), apart from other bundles. */
    @InitBinder
    void initBinder(WebDataBinder binder) {
        DefaultMessageCodesResolver codes = new DefaultMessageCodesResolver();
        codes.setPrefix("page.");
        binder.setMessageCodesResolver(codes);
    }

    @PostMapping("/proposals/{reference}/clarification")
    String processClarificationForm(@PathVariable String reference,
            @Valid @ModelAttribute(CLARIFICATION_FORM) ApplicantActionClarificationForm form, BindingResult result,
            Principal principal, Locale locale, Model model, RedirectAttributes redirect) {
        Proposal proposal = access.ownProposal(reference, principal);
        if (!result.hasErrors()) {
            try {
                return once(form, principal, reference, () -> actions.answerClarification(reference, proposal.getLeadCityId(),
                        form.getAnswer().strip(), ChosenFile.of(form.getAttachment()), principal.getName()),
                        "page.clarification.sent", redirect, locale);
            } catch (DocumentRejectedException refused) {
                reject(result, CLARIFICATION_FORM, "attachment", refused);
            } catch (ActionNotAwaitedException | OptimisticLockingFailureException notAwaited) {
                return notAwaited(reference, redirect, locale, notAwaited);
            }
        }
        return showAgain(proposal, ApplicantAction.Kind.ANSWER_CLARIFICATION, model, locale, redirect);
    }

    @PostMapping("/proposals/{reference}/agreement")
    String processAgreementForm(@PathVariable String reference, @ModelAttribute(AGREEMENT_FORM) ApplicantActionAgreementForm form,
            BindingResult result, Principal principal, Locale locale, Model model, RedirectAttributes redirect) {
        Proposal proposal = access.ownProposal(reference, principal);
        Upload agreement = ChosenFile.of(form.getFile());
        if (agreement == null) {
            result.addError(new FieldError(AGREEMENT_FORM, "file", null, false, new String[] {"page.agreement.file.required"}, null, null));
        } else {
            try {
                return once(form, principal, reference,
                        () -> actions.uploadAgreement(reference, proposal.getLeadCityId(), agreement, principal.getName()),
                        "page.agreement.sent", redirect, locale);
            } catch (DocumentRejectedException refused) {
                reject(result, AGREEMENT_FORM, "file", refused);
            } catch (ActionNotAwaitedException | OptimisticLockingFailureException notAwaited) {
                return notAwaited(reference, redirect, locale, notAwaited);
            }
        }
        return showAgain(proposal, ApplicantAction.Kind.UPLOAD_AGREEMENT, model, locale, redirect);
    }

    @PostMapping("/proposals/{reference}/reports")
    String processReportForm(@PathVariable String reference, @Valid @ModelAttribute(REPORT_FORM) ApplicantActionReportForm form,
            BindingResult result, Principal principal, Locale locale, Model model, RedirectAttributes redirect) {
        Proposal proposal = access.ownProposal(reference, principal);
        int expected = proposal.getExpectedResults().size();
        int sent = form.getIndicators().size();
        if (form.fitRows(expected)) {
            for (int i = sent; i < expected; i++) {
                result.addError(new FieldError(REPORT_FORM, "indicators[" + i + "].achieved", null, false,
                        new String[] {"page.report.achieved.required"}, null, null));
            }
        }
        if (!result.hasErrors()) {
            try {
                return once(form, principal, reference, () -> actions.submitReport(reference, proposal.getLeadCityId(), form,
                        ChosenFile.of(form.getAnnex()), principal.getName()), "page.report.sent", redirect, locale);
            } catch (DocumentRejectedException refused) {
                reject(result, REPORT_FORM, "annex", refused);
            } catch (ActionNotAwaitedException | OptimisticLockingFailureException notAwaited) {
                return notAwaited(reference, redirect, locale, notAwaited);
            }
        }
        return showAgain(proposal, ApplicantAction.Kind.SUBMIT_REPORT, model, locale, redirect);
    }

    /** The page with the form and its errors, if the process still waits for this action; else the warning. */
    private String showAgain(Proposal proposal, ApplicantAction.Kind kind, Model model, Locale locale, RedirectAttributes redirect) {
        ApplicantAction waiting = pageModel.populate(model, proposal, locale);
        if (waiting == null || waiting.kind() != kind) {
            redirect.addFlashAttribute("warning", messages.getMessage("page.warning.notAwaited", null, locale));
            return "redirect:/proposals/" + proposal.getReference();
        }
        return ProposalPageController.VIEW_PAGE;
    }

    /** Does the action once per form sent: a repeat of a form already done shows the page with a note instead. */
    private String once(SubmittedForm form, Principal principal, String reference, Runnable action, String doneKey,
            RedirectAttributes redirect, Locale locale) {
        Outcome<String> outcome = submitOnce.run(form.getSubmissionId(), principal.getName(), () -> {
            action.run();
            return reference;
        }, ref -> "/proposals/" + ref);
        String messageKey = outcome instanceof Outcome.AlreadyDone<String> ? "form.alreadyDone" : doneKey;
        redirect.addFlashAttribute("message", messages.getMessage(messageKey, null, locale));
        return REDIRECT_TO_PAGE;
    }

    private String notAwaited(String reference, RedirectAttributes redirect, Locale locale, RuntimeException why) {
        log.info("Proposal {}: applicant action refused, nothing changed ({})", reference, why.getMessage());
        redirect.addFlashAttribute("warning", messages.getMessage("page.warning.notAwaited", null, locale));
        return REDIRECT_TO_PAGE;
    }

    private static void reject(BindingResult result, String form, String field, DocumentRejectedException refused) {
        result.addError(new FieldError(form, field, null, false, new String[] {refused.getMessageKey()}, refused.getArguments(),
                refused.getMessage()));
    }
}
