package org.twinflow.portal.call;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.twinflow.call.CallDraft;
import org.twinflow.call.CallMode;
import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.CallProperties;
import org.twinflow.system.web.PageOrder;

/**
 * The secretariat's call form: a {@link CallDraft} as people type it. Dates are a local date and time in the call's
 * time zone, the funding share a percentage, the lead countries ISO codes separated by commas. Bean Validation
 * catches what is missing or malformed, all at once; {@code CallService} then checks the call as a whole.
 */
public class CallForm implements PageOrder {

    /** The time zones the form offers; a call in another zone keeps its own as an extra option. */
    static final List<String> TIME_ZONES = List.of("UTC", "Asia/Jakarta", "Asia/Manila", "Asia/Bangkok", "Asia/Ho_Chi_Minh",
            "Asia/Kuala_Lumpur", "Asia/Singapore", "Asia/Tokyo", "Asia/Kolkata", "Europe/Brussels", "Europe/Paris", "Africa/Nairobi",
            "Africa/Johannesburg", "America/Sao_Paulo", "America/Mexico_City");

    /** The documents a call may require: those the proposal form has an input for. */
    static final List<DocumentKind> REQUIRABLE_DOCUMENTS = List.of(DocumentKind.LETTER_OF_INTENT, DocumentKind.COUNCIL_RESOLUTION,
            DocumentKind.PARTNER_COMMITMENT);

    /** The form field that shows a problem the service found in a {@link CallDraft} component; others are the same name. */
    private static final Map<String, String> FIELD_OF_COMPONENT = Map.of("opensAt", "opensDate", "closesAt", "closesDate",
            "maxFundingShare", "maxFundingSharePercent", "reportingInterval", "reportingIntervalMonths");

    static final List<String> PAGE_ORDER = List.of("reference", "title", "description", "mode", "thematicAreas", "sdgs",
            "leadCountries", "requiredDocuments", "timeZone", "opensDate", "opensTime", "closesDate", "closesTime", "currency", "budget",
            "maxRequestedAmount", "maxFundingSharePercent", "minDurationMonths", "maxDurationMonths", "reviewerCount",
            "reportingIntervalMonths");

    /** As CallDraftCheck takes it once upper-cased; checked here too, so it is reported with the form's other mistakes. */
    @NotBlank
    @Size(max = 20)
    @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]{1,19}")
    private String reference;

    @NotBlank
    @Size(max = 200)
    private String title;

    @NotBlank
    @Size(max = 5000)
    private String description;

    @NotNull
    private CallMode mode;

    @NotEmpty
    private List<ThematicArea> thematicAreas = new ArrayList<>();

    private List<Integer> sdgs = new ArrayList<>();

    @Size(max = 1000)
    private String leadCountries;

    private List<DocumentKind> requiredDocuments = new ArrayList<>();

    @NotBlank
    private String timeZone;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate opensDate;

    @NotNull
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime opensTime;

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate closesDate;

    @NotNull
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime closesTime;

    @NotBlank
    @Pattern(regexp = "[A-Za-z]{3}")
    private String currency;

    /**
     * What DECIMAL(15, 2) holds. {@code @Digits} alone lets 1e2147483647 through (its count of integer digits overflows),
     * and storing that failed.
     */
    static final String AMOUNT_MAX = "9999999999999.99";

    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(AMOUNT_MAX)
    @Digits(integer = 13, fraction = 2)
    private BigDecimal budget;

    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(AMOUNT_MAX)
    @Digits(integer = 13, fraction = 2)
    private BigDecimal maxRequestedAmount;

    @NotNull
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax("100")
    @Digits(integer = 3, fraction = 2)
    private BigDecimal maxFundingSharePercent;

    @NotNull
    @Min(1)
    private Integer minDurationMonths;

    @NotNull
    @Min(1)
    @Max(120)
    private Integer maxDurationMonths;

    @NotNull
    @Min(1)
    @Max(10)
    private Integer reviewerCount;

    @NotNull
    @Min(1)
    @Max(24)
    private Integer reportingIntervalMonths;

    /** A new call as the configuration suggests it: opening tomorrow at 09:00 and closing three months later at 17:00. */
    static CallForm withDefaults(CallProperties defaults, Instant now) {
        CallForm form = new CallForm();
        form.timeZone = defaults.timeZone().getId();
        LocalDate tomorrow = now.atZone(defaults.timeZone()).toLocalDate().plusDays(1);
        form.opensDate = tomorrow;
        form.opensTime = LocalTime.of(9, 0);
        form.closesDate = tomorrow.plusMonths(3);
        form.closesTime = LocalTime.of(17, 0);
        form.currency = defaults.currency();
        form.budget = defaults.budget();
        form.maxRequestedAmount = defaults.maxRequestedAmount();
        form.maxFundingSharePercent = percent(defaults.maxFundingShare());
        form.minDurationMonths = defaults.minDurationMonths();
        form.maxDurationMonths = defaults.maxDurationMonths();
        form.reviewerCount = defaults.reviewerCount();
        form.reportingIntervalMonths = (int) defaults.reportingInterval().toTotalMonths();
        form.leadCountries = defaults.leadCountries() == null ? "" : defaults.leadCountries();
        return form;
    }

    /** The call as it is now, to edit it. */
    static CallForm of(CallDraft call) {
        CallForm form = new CallForm();
        form.reference = call.reference();
        form.title = call.title();
        form.description = call.description();
        form.mode = call.mode();
        form.thematicAreas = new ArrayList<>(Arrays.stream(ThematicArea.values()).filter(call.thematicAreas()::contains).toList());
        form.sdgs = new ArrayList<>(call.sdgs().stream().sorted().toList());
        form.leadCountries = String.join(", ", call.leadCountries().stream().sorted().toList());
        form.requiredDocuments = new ArrayList<>(REQUIRABLE_DOCUMENTS.stream().filter(call.requiredDocuments()::contains).toList());
        form.timeZone = call.timeZone().getId();
        ZonedDateTime opens = call.opensAt().atZone(call.timeZone());
        ZonedDateTime closes = call.closesAt().atZone(call.timeZone());
        form.opensDate = opens.toLocalDate();
        form.opensTime = opens.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        form.closesDate = closes.toLocalDate();
        form.closesTime = closes.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        form.currency = call.currency();
        form.budget = call.budget();
        form.maxRequestedAmount = call.maxRequestedAmount();
        form.maxFundingSharePercent = percent(call.maxFundingShare());
        form.minDurationMonths = call.minDurationMonths();
        form.maxDurationMonths = call.maxDurationMonths();
        form.reviewerCount = call.reviewerCount();
        form.reportingIntervalMonths = (int) call.reportingInterval().toTotalMonths();
        return form;
    }

    /**
     * What the secretariat wrote, as the service takes it. {@code current} is the call being edited (null for a new
     * one): a date shown to the minute and left as it was keeps its exact instant, so that saving a published call
     * unchanged does not count as moving its dates.
     */
    CallDraft toDraft(CallDraft current) {
        ZoneId zone = zone();
        return new CallDraft(upper(reference), strip(title), strip(description), mode, new HashSet<>(thematicAreas),
                new HashSet<>(sdgs), new HashSet<>(countryCodes()), new HashSet<>(requiredDocuments),
                instant(opensDate, opensTime, zone, current == null ? null : current.opensAt()),
                instant(closesDate, closesTime, zone, current == null ? null : current.closesAt()),
                zone, budget, upper(currency), maxRequestedAmount,
                maxFundingSharePercent == null ? null : maxFundingSharePercent.movePointLeft(2),
                minDurationMonths, maxDurationMonths, reviewerCount,
                reportingIntervalMonths == null ? null : Period.ofMonths(reportingIntervalMonths));
    }

    /** The chosen time zone; null when the form sent none or one that does not exist. */
    ZoneId zone() {
        try {
            return timeZone == null || timeZone.isBlank() ? null : ZoneId.of(timeZone.strip());
        } catch (DateTimeException unknown) {
            return null;
        }
    }

    /** The lead countries as typed, upper-cased: "id, ph th" gives ID, PH, TH. */
    List<String> countryCodes() {
        if (leadCountries == null || leadCountries.isBlank()) {
            return List.of();
        }
        return Arrays.stream(leadCountries.split("[,;\\s]+")).filter(code -> !code.isBlank())
                .map(code -> code.strip().toUpperCase(Locale.ROOT)).distinct().toList();
    }

    /** The time zones to offer: the usual ones, and this form's own if it is another. */
    List<String> timeZonesOffered() {
        List<String> zones = new ArrayList<>(TIME_ZONES);
        ZoneId own = zone();
        if (own != null && !zones.contains(own.getId())) {
            zones.add(own.getId());
        }
        return zones;
    }

    static String fieldOf(String draftComponent) {
        return FIELD_OF_COMPONENT.getOrDefault(draftComponent, draftComponent);
    }

    @Override
    public List<String> fieldsInPageOrder() {
        return PAGE_ORDER;
    }

    private static Instant instant(LocalDate date, LocalTime time, ZoneId zone, Instant current) {
        if (date == null || time == null || zone == null) {
            return null;
        }
        Instant typed = LocalDateTime.of(date, time).atZone(zone).toInstant();
        return current != null && Objects.equals(current.truncatedTo(ChronoUnit.MINUTES), typed) ? current : typed;
    }

    /** 0.8 as 80, not 8E+1, which is how a BigDecimal without trailing zeros would show in the input. */
    private static BigDecimal percent(BigDecimal share) {
        if (share == null) {
            return null;
        }
        BigDecimal percent = share.movePointRight(2).stripTrailingZeros();
        return percent.scale() < 0 ? percent.setScale(0) : percent;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    private static String upper(String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public CallMode getMode() { return mode; }
    public void setMode(CallMode mode) { this.mode = mode; }
    public List<ThematicArea> getThematicAreas() { return thematicAreas; }
    public void setThematicAreas(List<ThematicArea> thematicAreas) {
        this.thematicAreas = thematicAreas == null ? new ArrayList<>() : thematicAreas;
    }
    public List<Integer> getSdgs() { return sdgs; }
    public void setSdgs(List<Integer> sdgs) { this.sdgs = sdgs == null ? new ArrayList<>() : sdgs; }
    public String getLeadCountries() { return leadCountries; }
    public void setLeadCountries(String leadCountries) { this.leadCountries = leadCountries; }
    public List<DocumentKind> getRequiredDocuments() { return requiredDocuments; }
    public void setRequiredDocuments(List<DocumentKind> requiredDocuments) {
        this.requiredDocuments = requiredDocuments == null ? new ArrayList<>() : requiredDocuments;
    }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public LocalDate getOpensDate() { return opensDate; }
    public void setOpensDate(LocalDate opensDate) { this.opensDate = opensDate; }
    public LocalTime getOpensTime() { return opensTime; }
    public void setOpensTime(LocalTime opensTime) { this.opensTime = opensTime; }
    public LocalDate getClosesDate() { return closesDate; }
    public void setClosesDate(LocalDate closesDate) { this.closesDate = closesDate; }
    public LocalTime getClosesTime() { return closesTime; }
    public void setClosesTime(LocalTime closesTime) { this.closesTime = closesTime; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getBudget() { return budget; }
    public void setBudget(BigDecimal budget) { this.budget = budget; }
    public BigDecimal getMaxRequestedAmount() { return maxRequestedAmount; }
    public void setMaxRequestedAmount(BigDecimal maxRequestedAmount) { this.maxRequestedAmount = maxRequestedAmount; }
    public BigDecimal getMaxFundingSharePercent() { return maxFundingSharePercent; }
    public void setMaxFundingSharePercent(BigDecimal maxFundingSharePercent) { this.maxFundingSharePercent = maxFundingSharePercent; }
    public Integer getMinDurationMonths() { return minDurationMonths; }
    public void setMinDurationMonths(Integer minDurationMonths) { this.minDurationMonths = minDurationMonths; }
    public Integer getMaxDurationMonths() { return maxDurationMonths; }
    public void setMaxDurationMonths(Integer maxDurationMonths) { this.maxDurationMonths = maxDurationMonths; }
    public Integer getReviewerCount() { return reviewerCount; }
    public void setReviewerCount(Integer reviewerCount) { this.reviewerCount = reviewerCount; }
    public Integer getReportingIntervalMonths() { return reportingIntervalMonths; }
    public void setReportingIntervalMonths(Integer reportingIntervalMonths) { this.reportingIntervalMonths = reportingIntervalMonths; }
}
