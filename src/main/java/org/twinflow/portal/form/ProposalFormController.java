package org.twinflow.portal.form;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.Countries;
import org.twinflow.document.DocumentInfo;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentProperties;
import org.twinflow.document.DocumentService;
import org.twinflow.call.CallDates;
import org.twinflow.portal.form.ProposalCalls.FormCall;
import org.twinflow.proposal.ActionNotAwaitedException;
import org.twinflow.proposal.CallNotOpenException;
import org.twinflow.proposal.CityNotVerifiedException;
import org.twinflow.proposal.ExpectedResult;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.PartnerRole;
import org.twinflow.proposal.PartnershipType;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ProposalIncompleteException;
import org.twinflow.proposal.ProposalNotFoundException;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.proposal.Sdg;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.web.FormErrors;
import org.twinflow.system.web.SubmitOnce;
import org.twinflow.system.web.SubmitOnce.Outcome;

/**
 * The applicant's proposal form: a new proposal, a draft being edited, or a proposal returned for
 * revision. Buttons: save as draft (any partial content with a title), submit (everything validated),
 * and add/remove rows of partners and expected results, which work without JavaScript.
 */
@Controller
class ProposalFormController {

    private static final Logger log = LoggerFactory.getLogger(ProposalFormController.class);

    static final String VIEW_PROPOSAL_FORM = "proposals/form";
    static final String REDIRECT_EDIT = "redirect:/proposals/{reference}/edit";
    static final String REDIRECT_PROPOSAL = "redirect:/proposals/{reference}";
    static final String REDIRECT_CALL = "redirect:/calls/{reference}";
    static final String REDIRECT_CALLS = "redirect:/#calls";
    static final String FORM = "proposalForm";
    static final Set<DocumentKind> FORM_DOCUMENTS = EnumSet.of(DocumentKind.LETTER_OF_INTENT, DocumentKind.COUNCIL_RESOLUTION,
            DocumentKind.PARTNER_COMMITMENT);

    private final ProposalService proposals;
    private final ProposalFormService formService;
    private final ProposalFormValidator crossFieldRules;
    private final SpringValidatorAdapter beanValidation;
    private final CityAccounts cityAccounts;
    private final DocumentService documents;
    private final ProposalCalls calls;
    private final DocumentProperties documentLimits;
    private final MessageSource messages;
    private final SubmitOnce submitOnce;

    ProposalFormController(ProposalService proposals, ProposalFormService formService, ProposalFormValidator crossFieldRules,
            Validator validator, CityAccounts cityAccounts, DocumentService documents, ProposalCalls calls,
            DocumentProperties documentLimits, MessageSource messages, SubmitOnce submitOnce) {
        this.submitOnce = submitOnce;
        this.documentLimits = documentLimits;
        this.proposals = proposals;
        this.formService = formService;
        this.crossFieldRules = crossFieldRules;
        this.beanValidation = new SpringValidatorAdapter(validator);
        this.cityAccounts = cityAccounts;
        this.documents = documents;
        this.calls = calls;
        this.messages = messages;
    }

    /** An attachment already stored, for the list on the form (a Date, so that #dates formats it for the user's locale). */
    record StoredDocument(DocumentKind kind, String fileName, long sizeBytes, java.util.Date uploadedAt) {
        static StoredDocument of(DocumentInfo info) {
            return new StoredDocument(info.kind(), info.fileName(), info.sizeBytes(), java.util.Date.from(info.uploadedAt()));
        }
    }

    /** What the button pressed asks for. */
    enum Action { SAVE, SUBMIT, ADD_PARTNER, REMOVE_PARTNER, ADD_RESULT, REMOVE_RESULT, REFRESH }

    // --- new proposal ----------------------------------------------------------------------------

    /** A new proposal to the call named, or to the only open one; with several open, or none, the city chooses on the landing page. */
    @GetMapping("/proposals/new")
    String initCreationForm(@RequestParam(name = "call", required = false) String callReference, Principal principal, Model model,
            RedirectAttributes redirect, Locale locale) {
        City city = cityAccounts.requireCityOf(principal.getName());
        Optional<FormCall> chosen = calls.forNewProposal(callReference);
        if (chosen.isEmpty()) {
            return chooseACall(redirect, locale);
        }
        FormCall call = chosen.get();
        if (!call.isOpen()) {
            redirect.addAttribute("reference", call.reference());
            redirect.addFlashAttribute("warning", text("proposalForm.callNotOpen", locale, call.reference(), call.title()));
            return REDIRECT_CALL;
        }
        ProposalForm form = new ProposalForm();
        form.setCallReference(call.reference());
        form.ensureRowsToType();
        model.addAttribute(FORM, form);
        prepare(model, form, city, null, false, call);
        return VIEW_PROPOSAL_FORM;
    }

    @PostMapping("/proposals/new")
    String processCreationForm(@ModelAttribute(FORM) ProposalForm form, BindingResult result,
            @RequestParam Map<String, String> params, Principal principal, Model model, RedirectAttributes redirect, Locale locale) {
        City city = cityAccounts.requireCityOf(principal.getName());
        Optional<FormCall> chosen = calls.forNewProposal(form.getCallReference());
        if (chosen.isEmpty()) {
            return chooseACall(redirect, locale);
        }
        form.setCallReference(chosen.get().reference());
        return process(null, chosen.get(), form, result, action(params), rowIndex(params), city, principal.getName(), model, redirect,
                locale);
    }

    // --- edit draft / revise ---------------------------------------------------------------------

    @GetMapping("/proposals/{reference}/edit")
    String initUpdateForm(@PathVariable String reference, Principal principal, Model model, RedirectAttributes redirect, Locale locale) {
        City city = cityAccounts.requireCityOf(principal.getName());
        Proposal proposal = proposals.byReferenceForCity(reference, city.getId());
        if (!isEditable(proposal)) {
            return notEditable(reference, redirect, locale);
        }
        ProposalForm form = formOf(proposal);
        FormCall call = calls.of(proposal);
        form.setCallReference(call.reference());
        form.ensureRowsToType();
        model.addAttribute(FORM, form);
        prepare(model, form, city, proposal, isRevision(proposal), call);
        return VIEW_PROPOSAL_FORM;
    }

    @PostMapping("/proposals/{reference}/edit")
    String processUpdateForm(@PathVariable String reference, @ModelAttribute(FORM) ProposalForm form, BindingResult result,
            @RequestParam Map<String, String> params, Principal principal, Model model, RedirectAttributes redirect, Locale locale) {
        City city = cityAccounts.requireCityOf(principal.getName());
        Proposal proposal = proposals.byReferenceForCity(reference, city.getId());
        if (!isEditable(proposal)) {
            return notEditable(reference, redirect, locale);
        }
        FormCall call = calls.of(proposal);
        // The call of a draft is fixed: whatever the request names, the draft's own.
        form.setCallReference(call.reference());
        return process(proposal, call, form, result, action(params), rowIndex(params), city, principal.getName(), model, redirect, locale);
    }

    /** Another city's proposal, or none: 404, revealing nothing. */
    @ExceptionHandler(ProposalNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String proposalNotFound(Model model) {
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        return "error";
    }

    // --- the work --------------------------------------------------------------------------------

    private String process(Proposal existing, FormCall call, ProposalForm form, BindingResult result, Action action, int row, City city,
            String userId, Model model, RedirectAttributes redirect, Locale locale) {
        boolean revision = existing != null && isRevision(existing);
        switch (action) {
            case ADD_PARTNER -> addRow(form.getPartners(), ProposalForm.MAX_PARTNERS, ProposalForm.PartnerRow::new);
            case REMOVE_PARTNER -> removeRow(form.getPartners(), row);
            case ADD_RESULT -> addRow(form.getExpectedResults(), ProposalForm.MAX_RESULTS, ProposalForm.ResultRow::new);
            case REMOVE_RESULT -> removeRow(form.getExpectedResults(), row);
            default -> { }
        }
        if (action != Action.SAVE && action != Action.SUBMIT) {
            // Row changes only re-show the form; what was typed is kept, nothing is stored yet.
            return showForm(form, model, city, existing, revision, call);
        }
        boolean submission = action == Action.SUBMIT;
        form.normalise();
        List<ProposalFormService.Attachment> attachments = attachmentsOf(form);
        validate(form, result, submission, call, city, submission ? attachedKinds(existing, attachments) : Set.of());
        if (revision && !submission) {
            result.reject("RevisionNoDraft", "A revision cannot be saved as a draft");
        }
        if (submission && !revision && !city.isVerified()) {
            result.reject("NotVerified", "The city is not verified yet");
        }
        if (result.hasErrors()) {
            return showForm(form, model, city, existing, revision, call);
        }
        String reference = existing == null ? null : existing.getReference();
        ProposalDraft draft = draftOf(form, city, call);
        try {
            if (revision) {
                Outcome<Proposal> revised = submitOnce.run(form.getSubmissionId(), userId,
                        () -> formService.submitRevision(reference, draft, attachments, userId), ProposalFormController::pageOf);
                return shown(revised, "proposalForm.revisionSubmitted", REDIRECT_PROPOSAL, redirect, locale);
            }
            if (submission) {
                Outcome<Proposal> submitted = submitOnce.run(form.getSubmissionId(), userId,
                        () -> formService.submit(reference, draft, attachments, userId), ProposalFormController::pageOf);
                return shown(submitted, "proposalForm.submitted", REDIRECT_PROPOSAL, redirect, locale);
            }
            Outcome<Proposal> saved = submitOnce.run(form.getSubmissionId(), userId,
                    () -> formService.saveDraft(reference, draft, attachments, userId), ProposalFormController::editPageOf);
            return shown(saved, "proposalForm.saved", REDIRECT_EDIT, redirect, locale);
        } catch (DraftAttachmentRejectedException refused) {
            result.rejectValue(refused.field(), refused.messageKey(), refused.arguments(), refused.getMessage());
        } catch (CityNotVerifiedException notVerified) {
            result.reject("NotVerified", "The city is not verified yet");
        } catch (CallNotOpenException notOpen) {
            rejectCallNotOpen(notOpen, existing != null, result);
        } catch (ProposalIncompleteException incomplete) {
            result.reject("Incomplete", new Object[] {String.join(", ", incomplete.getMissingFields())}, incomplete.getMessage());
        } catch (ActionNotAwaitedException notAwaited) {
            log.info("Proposal {}: {}", reference, notAwaited.getMessage());
            redirect.addAttribute("reference", reference);
            redirect.addFlashAttribute("warning", text(revision ? "proposalForm.revisionNotAwaited" : "proposalForm.notEditable", locale,
                    reference));
            return REDIRECT_PROPOSAL;
        }
        return showForm(form, model, city, existing, revision, call);
    }

    /** The call does not take submissions now (it closed while the form was open): nothing was submitted. */
    private static void rejectCallNotOpen(CallNotOpenException notOpen, boolean draftStored, BindingResult result) {
        String when = notOpen.instant() == null ? null : CallDates.format(notOpen.instant(), notOpen.timeZone());
        String code = notOpen.closed() ? (draftStored ? "CallClosed" : "CallClosedNew")
                : (when == null ? "CallNotPublished" : "CallNotOpenYet");
        result.reject(code, new Object[] {notOpen.callReference(), notOpen.callTitle(), when}, notOpen.getMessage());
    }

    private String chooseACall(RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("warning", text("proposalForm.chooseCall", locale));
        return REDIRECT_CALLS;
    }

    /** The documents the proposal has: those stored with its draft and those chosen now. */
    private Set<DocumentKind> attachedKinds(Proposal existing, List<ProposalFormService.Attachment> chosen) {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        if (existing != null) {
            documents.documentsOf(existing.getId()).forEach(d -> kinds.add(d.kind()));
        }
        chosen.forEach(a -> kinds.add(a.kind()));
        return kinds;
    }

    /** Where the work led, with its message; a repeat of a form already done goes where the first went. */
    private String shown(Outcome<Proposal> outcome, String messageKey, String view, RedirectAttributes redirect, Locale locale) {
        if (outcome instanceof Outcome.AlreadyDone<Proposal> repeat) {
            redirect.addFlashAttribute("message", text("form.alreadyDone", locale));
            return "redirect:" + repeat.resultPath();
        }
        Proposal proposal = ((Outcome.Done<Proposal>) outcome).result();
        redirect.addAttribute("reference", proposal.getReference());
        redirect.addFlashAttribute("message", text(messageKey, locale, proposal.getReference()));
        return view;
    }

    private static String pageOf(Proposal proposal) {
        return "/proposals/" + proposal.getReference();
    }

    private static String editPageOf(Proposal proposal) {
        return "/proposals/" + proposal.getReference() + "/edit";
    }

    private void validate(ProposalForm form, BindingResult result, boolean submission, FormCall call, City city,
            Set<DocumentKind> attached) {
        // Validate into a scratch result, so a field that could not even be converted (typeMismatch) gets one message, not two.
        var checked = new BeanPropertyBindingResult(form, FORM);
        if (submission) {
            beanValidation.validate(form, checked, jakarta.validation.groups.Default.class, ProposalForm.Submission.class);
        } else {
            beanValidation.validate(form, checked);
        }
        // One message per field, the most telling first: "required" rather than "too long", "at most 999,999,999" rather than
        // "too many digits". Bean Validation reports its violations as a set in no fixed order, so the choice must not depend on it.
        var errors = checked.getAllErrors().stream()
                .sorted(Comparator.comparing(ObjectError::getCode, FormErrors::compareCodes)).toList();
        for (var error : errors) {
            if (!(error instanceof FieldError fieldError) || !result.hasFieldErrors(fieldError.getField())) {
                result.addError(error);
            }
        }
        crossFieldRules.validate(form, result, submission, call.rules(), city.getCountryCode(), attached);
    }

    private String showForm(ProposalForm form, Model model, City city, Proposal existing, boolean revision, FormCall call) {
        form.ensureRowsToType();
        prepare(model, form, city, existing, revision, call);
        return VIEW_PROPOSAL_FORM;
    }

    private void prepare(Model model, ProposalForm form, City city, Proposal existing, boolean revision, FormCall call) {
        model.addAttribute("city", city);
        model.addAttribute("cityCountry", Countries.englishName(city.getCountryCode()));
        model.addAttribute("countries", Countries.byEnglishName());
        model.addAttribute("partnershipTypes", PartnershipType.values());
        model.addAttribute("thematicAreas", Arrays.stream(ThematicArea.values()).filter(call.rules().thematicAreas()::contains).toList());
        model.addAttribute("partnerRoles", PartnerRole.values());
        model.addAttribute("sdgNumbers", IntStream.rangeClosed(Sdg.FIRST, Sdg.LAST).boxed().toList());
        model.addAttribute("maxPartners", ProposalForm.MAX_PARTNERS);
        model.addAttribute("maxResults", ProposalForm.MAX_RESULTS);
        model.addAttribute("call", call);
        model.addAttribute("reference", existing == null ? null : existing.getReference());
        model.addAttribute("revision", revision);
        model.addAttribute("formAction", existing == null ? "/proposals/new" : "/proposals/" + existing.getReference() + "/edit");
        model.addAttribute("fundingSharePercent", call.rules().maxFundingShare().movePointRight(2).stripTrailingZeros().toPlainString());
        model.addAttribute("requiredDocuments", call.rules().requiredDocuments().stream().map(ProposalFormValidator.INPUT_OF_DOCUMENT::get)
                .toList());
        model.addAttribute("maxFileMb", documentLimits.maxFileSize().toMegabytes());
        model.addAttribute("maxTotalMb", documentLimits.maxTotalSize().toMegabytes());
        model.addAttribute("fileInputs", List.of("letterOfIntent", "councilResolution", "partnerCommitments"));
        boolean datesShown = form.getStartDate() != null && form.getEndDate() != null && form.getEndDate().isAfter(form.getStartDate());
        Integer duration = datesShown ? ProposalFormValidator.durationMonths(form.getStartDate(), form.getEndDate()) : null;
        model.addAttribute("durationMonths", duration);
        model.addAttribute("plannedEnd", datesShown ? form.getStartDate().plusMonths(duration) : null);
        List<StoredDocument> stored = existing == null ? List.of()
                : documents.documentsOf(existing.getId()).stream().filter(d -> FORM_DOCUMENTS.contains(d.kind()))
                        .map(StoredDocument::of).toList();
        model.addAttribute("documents", stored);
        model.addAttribute("maxFileBytes", documentLimits.maxFileSize().toBytes());
        model.addAttribute("maxTotalBytes", documentLimits.maxTotalSize().toBytes());
        model.addAttribute("storedBytes", stored.stream().mapToLong(StoredDocument::sizeBytes).sum());
        model.addAttribute("maxPartnerCommitments", ProposalForm.MAX_PARTNER_COMMITMENTS);
    }

    private String notEditable(String reference, RedirectAttributes redirect, Locale locale) {
        redirect.addAttribute("reference", reference);
        redirect.addFlashAttribute("warning", text("proposalForm.notEditable", locale, reference));
        return REDIRECT_PROPOSAL;
    }

    private static boolean isEditable(Proposal proposal) {
        return proposal.getStatus() == ProposalStatus.DRAFT || isRevision(proposal);
    }

    private static boolean isRevision(Proposal proposal) {
        return proposal.getStatus() == ProposalStatus.REVISION_REQUESTED;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    // --- mapping ---------------------------------------------------------------------------------

    static ProposalForm formOf(Proposal proposal) {
        ProposalForm form = new ProposalForm();
        form.setTitle(proposal.getTitle());
        form.setPartnershipType(proposal.getPartnershipType());
        form.setThematicArea(proposal.getThematicArea());
        form.setSdgs(new ArrayList<>(proposal.sdgNumbers()));
        form.setSummary(proposal.getSummary());
        form.setObjectives(proposal.getObjectives());
        form.setActivities(proposal.getActivities());
        form.setStartDate(proposal.getStartDate());
        form.setEndDate(proposal.endDate());
        form.setTotalBudget(proposal.getTotalBudget());
        form.setRequestedAmount(proposal.getRequestedAmount());
        form.setCoFinancing(proposal.getCoFinancing());
        form.setPartners(new ArrayList<>(proposal.getPartners().stream()
                .map(p -> new ProposalForm.PartnerRow(p.cityName(), p.countryCode(), p.role(), p.contactEmail())).toList()));
        form.setExpectedResults(new ArrayList<>(proposal.getExpectedResults().stream()
                .map(r -> new ProposalForm.ResultRow(r.result(), r.indicator(), r.target())).toList()));
        return form;
    }

    private static ProposalDraft draftOf(ProposalForm form, City city, FormCall call) {
        Integer duration = form.getStartDate() == null || form.getEndDate() == null ? null
                : ProposalFormValidator.durationMonths(form.getStartDate(), form.getEndDate());
        return new ProposalDraft(call.rules().callId(), city.getId(), form.getPartnershipType(), form.getThematicArea(), form.getTitle(),
                form.getSummary(), form.getObjectives(), form.getActivities(), form.getStartDate(), duration, form.getTotalBudget(),
                form.getRequestedAmount(), form.getCoFinancing(), call.rules().currency(),
                form.getPartners().stream().map(p -> new PartnerCity(p.getCityName(), p.getCountryCode(), p.getRole(), p.getContactEmail()))
                        .toList(),
                form.getSdgs().stream().distinct().toList(),
                form.getExpectedResults().stream().map(r -> new ExpectedResult(r.getResult(), r.getIndicator(), r.getTarget())).toList());
    }

    private static List<ProposalFormService.Attachment> attachmentsOf(ProposalForm form) {
        List<ProposalFormService.Attachment> attachments = new ArrayList<>();
        addIfChosen(attachments, "letterOfIntent", DocumentKind.LETTER_OF_INTENT, form.getLetterOfIntent());
        addIfChosen(attachments, "councilResolution", DocumentKind.COUNCIL_RESOLUTION, form.getCouncilResolution());
        if (form.getPartnerCommitments() != null) {
            form.getPartnerCommitments().forEach(file -> addIfChosen(attachments, "partnerCommitments", DocumentKind.PARTNER_COMMITMENT, file));
        }
        return attachments;
    }

    /** An empty file input still sends a part without a name; that is "no file chosen", not an empty file. */
    private static void addIfChosen(List<ProposalFormService.Attachment> attachments, String field, DocumentKind kind, MultipartFile file) {
        if (file != null && !(file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            attachments.add(new ProposalFormService.Attachment(field, kind, file));
        }
    }

    // --- buttons ---------------------------------------------------------------------------------

    private static Action action(Map<String, String> params) {
        if (params.containsKey("submit")) return Action.SUBMIT;
        if (params.containsKey("addPartner")) return Action.ADD_PARTNER;
        if (params.containsKey("removePartner")) return Action.REMOVE_PARTNER;
        if (params.containsKey("addResult")) return Action.ADD_RESULT;
        if (params.containsKey("removeResult")) return Action.REMOVE_RESULT;
        if (params.containsKey("refresh")) return Action.REFRESH;
        return Action.SAVE;
    }

    /** The row a remove button names; a forged value removes nothing. */
    private static int rowIndex(Map<String, String> params) {
        String value = params.getOrDefault("removePartner", params.get("removeResult"));
        try {
            return value == null ? -1 : Integer.parseInt(value);
        } catch (NumberFormatException forged) {
            return -1;
        }
    }

    private static <T> void addRow(List<T> rows, int max, java.util.function.Supplier<T> row) {
        if (rows.size() < max) {
            rows.add(row.get());
        }
    }

    private static void removeRow(List<?> rows, int index) {
        if (index >= 0 && index < rows.size()) {
            rows.remove(index);
        }
    }

}
