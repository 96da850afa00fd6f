package org.twinflow.portal.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;
import org.twinflow.proposal.PartnerRole;
import org.twinflow.proposal.PartnershipType;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.web.PageOrder;
import org.twinflow.system.web.SubmittedForm;

/**
 * The applicant's proposal form. Constraints in the {@code Default} group hold for every save (a draft
 * must still fit the database columns); those in {@link Submission} only when the applicant submits.
 * Cross-field rules (dates, budget sum, countries, SDG numbers) are in {@link ProposalFormValidator}.
 * The lengths match the columns of {@code V001__create_domain.sql}.
 */
public class ProposalForm extends SubmittedForm implements PageOrder {

    /** Validation group of the rules that apply on submission only. */
    public interface Submission {
    }

    public static final int TITLE_MAX = 300;
    public static final int SUMMARY_MAX = 2000;
    public static final int TEXT_MAX = 5000;
    public static final int CITY_NAME_MAX = 200;
    public static final int EMAIL_MAX = 254;
    public static final int RESULT_MAX = 500;
    public static final int INDICATOR_MAX = 300;
    public static final int TARGET_MAX = 100;
    /**
     * Rows the form offers at most. Every field is a part of the multipart request, so these bound what a
     * full form sends; {@code server.tomcat.max-part-count} is set well above that (LargeProposalBrowserIT counts it).
     */
    public static final int MAX_PARTNERS = 15;
    public static final int MAX_RESULTS = 15;
    /** Partner commitment letters in one upload: one per partner city. */
    public static final int MAX_PARTNER_COMMITMENTS = MAX_PARTNERS;
    /** Larger amounts are typing mistakes, not budgets; DECIMAL(15, 2) would hold them, nobody means them. */
    public static final String AMOUNT_MAX = "999999999";

    @NotBlank
    @Size(max = TITLE_MAX)
    private String title;

    /** The call the proposal goes to (its reference): chosen when the draft is created, then fixed. */
    private String callReference;

    private PartnershipType partnershipType = PartnershipType.DECENTRALISED_COOPERATION;

    @NotNull(groups = Submission.class)
    private ThematicArea thematicArea;

    @NotEmpty(groups = Submission.class)
    private List<Integer> sdgs = new ArrayList<>();

    @NotBlank(groups = Submission.class)
    @Size(max = SUMMARY_MAX)
    private String summary;

    @NotBlank(groups = Submission.class)
    @Size(max = TEXT_MAX)
    private String objectives;

    @NotBlank(groups = Submission.class)
    @Size(max = TEXT_MAX)
    private String activities;

    @NotNull(groups = Submission.class)
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate startDate;

    @NotNull(groups = Submission.class)
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate endDate;

    @NotNull(groups = Submission.class)
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(AMOUNT_MAX)
    @Digits(integer = 9, fraction = 2)
    private BigDecimal totalBudget;

    @NotNull(groups = Submission.class)
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(AMOUNT_MAX)
    @Digits(integer = 9, fraction = 2)
    private BigDecimal requestedAmount;

    @NotNull(groups = Submission.class)
    @DecimalMin(value = "0")
    @DecimalMax(AMOUNT_MAX)
    @Digits(integer = 9, fraction = 2)
    private BigDecimal coFinancing;

    @Valid
    @NotEmpty(groups = Submission.class)
    @Size(max = MAX_PARTNERS)
    private List<PartnerRow> partners = new ArrayList<>();

    @Valid
    @NotEmpty(groups = Submission.class)
    @Size(max = MAX_RESULTS)
    private List<ResultRow> expectedResults = new ArrayList<>();

    @AssertTrue(groups = Submission.class)
    private boolean declarationCorrect;

    @AssertTrue(groups = Submission.class)
    private boolean declarationAuthorised;

    private MultipartFile letterOfIntent;
    private MultipartFile councilResolution;
    @Size(max = MAX_PARTNER_COMMITMENTS)
    private List<MultipartFile> partnerCommitments = new ArrayList<>();

    /**
     * The fields as {@code templates/proposals/form.html} shows them, top to bottom; the error summary lists
     * errors in this order (ProposalFormIT checks it against the page).
     */
    static final List<String> PAGE_ORDER = List.of("title",
            "partners", "partners[].cityName", "partners[].countryCode", "partners[].role", "partners[].contactEmail",
            "partnershipType", "thematicArea", "sdgs", "summary", "objectives", "activities", "startDate", "endDate",
            "expectedResults", "expectedResults[].result", "expectedResults[].indicator", "expectedResults[].target",
            "totalBudget", "requestedAmount", "coFinancing", "declarationCorrect", "declarationAuthorised",
            "letterOfIntent", "councilResolution", "partnerCommitments");

    @Override
    public List<String> fieldsInPageOrder() {
        return PAGE_ORDER;
    }

    /** A partner city row; a row left entirely empty is dropped, a row begun must be complete enough to store. */
    public static class PartnerRow {

        @NotBlank
        @Size(max = CITY_NAME_MAX)
        private String cityName;

        @NotBlank
        private String countryCode;

        @NotNull
        private PartnerRole role = PartnerRole.PARTNER;

        @NotBlank(groups = Submission.class)
        @Email
        @Size(max = EMAIL_MAX)
        private String contactEmail;

        public PartnerRow() {
        }

        public PartnerRow(String cityName, String countryCode, PartnerRole role, String contactEmail) {
            this.cityName = cityName;
            this.countryCode = countryCode;
            this.role = role;
            this.contactEmail = contactEmail;
        }

        boolean isBlank() {
            return isEmpty(cityName) && isEmpty(countryCode) && isEmpty(contactEmail);
        }

        public String getCityName() { return cityName; }
        public void setCityName(String cityName) { this.cityName = cityName; }
        public String getCountryCode() { return countryCode; }
        public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
        public PartnerRole getRole() { return role; }
        public void setRole(PartnerRole role) { this.role = role; }
        public String getContactEmail() { return contactEmail; }
        public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    }

    /** An expected result with its indicator and target. */
    public static class ResultRow {

        @NotBlank
        @Size(max = RESULT_MAX)
        private String result;

        @NotBlank
        @Size(max = INDICATOR_MAX)
        private String indicator;

        @NotBlank(groups = Submission.class)
        @Size(max = TARGET_MAX)
        private String target;

        public ResultRow() {
        }

        public ResultRow(String result, String indicator, String target) {
            this.result = result;
            this.indicator = indicator;
            this.target = target;
        }

        boolean isBlank() {
            return isEmpty(result) && isEmpty(indicator) && isEmpty(target);
        }

        public String getResult() { return result; }
        public void setResult(String result) { this.result = result; }
        public String getIndicator() { return indicator; }
        public void setIndicator(String indicator) { this.indicator = indicator; }
        public String getTarget() { return target; }
        public void setTarget(String target) { this.target = target; }
    }

    /** Drops rows left entirely empty and trims texts, before validation, so that row indices match what is shown. */
    void normalise() {
        title = trim(title);
        summary = trim(summary);
        objectives = trim(objectives);
        activities = trim(activities);
        partners = partners == null ? new ArrayList<>() : new ArrayList<>(partners.stream().filter(p -> p != null && !p.isBlank()).toList());
        partners.forEach(p -> {
            p.cityName = trim(p.cityName);
            p.countryCode = trim(p.countryCode);
            p.contactEmail = trim(p.contactEmail);
        });
        expectedResults = expectedResults == null ? new ArrayList<>()
                : new ArrayList<>(expectedResults.stream().filter(r -> r != null && !r.isBlank()).toList());
        expectedResults.forEach(r -> {
            r.result = trim(r.result);
            r.indicator = trim(r.indicator);
            r.target = trim(r.target);
        });
        if (sdgs == null) {
            sdgs = new ArrayList<>();
        }
        sdgs.removeIf(java.util.Objects::isNull);
        if (partnershipType == null) {
            partnershipType = PartnershipType.DECENTRALISED_COOPERATION;
        }
    }

    /** Shows one empty row where there is none, so that a city without JavaScript can start typing. */
    void ensureRowsToType() {
        if (partners.isEmpty()) {
            partners.add(new PartnerRow());
        }
        if (expectedResults.isEmpty()) {
            expectedResults.add(new ResultRow());
        }
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public PartnershipType getPartnershipType() { return partnershipType; }
    public void setPartnershipType(PartnershipType partnershipType) { this.partnershipType = partnershipType; }
    public ThematicArea getThematicArea() { return thematicArea; }
    public void setThematicArea(ThematicArea thematicArea) { this.thematicArea = thematicArea; }
    public List<Integer> getSdgs() { return sdgs; }
    public void setSdgs(List<Integer> sdgs) { this.sdgs = sdgs; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getObjectives() { return objectives; }
    public void setObjectives(String objectives) { this.objectives = objectives; }
    public String getActivities() { return activities; }
    public void setActivities(String activities) { this.activities = activities; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate endDate) { this.endDate = endDate; }
    public BigDecimal getTotalBudget() { return totalBudget; }
    public void setTotalBudget(BigDecimal totalBudget) { this.totalBudget = totalBudget; }
    public BigDecimal getRequestedAmount() { return requestedAmount; }
    public void setRequestedAmount(BigDecimal requestedAmount) { this.requestedAmount = requestedAmount; }
    public BigDecimal getCoFinancing() { return coFinancing; }
    public void setCoFinancing(BigDecimal coFinancing) { this.coFinancing = coFinancing; }
    public List<PartnerRow> getPartners() { return partners; }
    public void setPartners(List<PartnerRow> partners) { this.partners = partners; }
    public List<ResultRow> getExpectedResults() { return expectedResults; }
    public void setExpectedResults(List<ResultRow> expectedResults) { this.expectedResults = expectedResults; }
    public boolean isDeclarationCorrect() { return declarationCorrect; }
    public void setDeclarationCorrect(boolean declarationCorrect) { this.declarationCorrect = declarationCorrect; }
    public boolean isDeclarationAuthorised() { return declarationAuthorised; }
    public void setDeclarationAuthorised(boolean declarationAuthorised) { this.declarationAuthorised = declarationAuthorised; }
    public MultipartFile getLetterOfIntent() { return letterOfIntent; }
    public void setLetterOfIntent(MultipartFile letterOfIntent) { this.letterOfIntent = letterOfIntent; }
    public MultipartFile getCouncilResolution() { return councilResolution; }
    public void setCouncilResolution(MultipartFile councilResolution) { this.councilResolution = councilResolution; }
    public List<MultipartFile> getPartnerCommitments() { return partnerCommitments; }
    public void setPartnerCommitments(List<MultipartFile> partnerCommitments) { this.partnerCommitments = partnerCommitments; }

    public String getCallReference() {
        return callReference;
    }

    public void setCallReference(String callReference) {
        this.callReference = callReference;
    }
}
