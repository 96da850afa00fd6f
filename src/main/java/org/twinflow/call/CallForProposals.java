package org.twinflow.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.twinflow.document.DocumentKind;
import org.twinflow.proposal.ThematicArea;

/**
 * A call for proposals: what the secretariat offers (areas, money, rules) and when cities may apply. Its rules are
 * fixed once a proposal has been submitted to it; only its deadline may then move, later, recorded
 * ({@link #extendDeadline}).
 */
public class CallForProposals {

    @Id
    private Long id;
    private String reference;
    private String title;
    private String description;
    private CallMode mode;
    private String thematicAreas;
    private String sdgs;
    private String leadCountries;
    private String requiredDocuments;
    private Instant opensAt;
    private Instant closesAt;
    private String timeZone;
    private BigDecimal budget;
    private String currency;
    private BigDecimal maxRequestedAmount;
    private BigDecimal maxFundingShare;
    private Integer minDurationMonths;
    private Integer maxDurationMonths;
    private Integer reviewerCount;
    private String reportingInterval;
    private Instant publishedAt;
    private String publishedBy;
    private Instant closedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    protected CallForProposals() {
    }

    CallForProposals(CallDraft draft, Instant now) {
        this.reference = draft.reference();
        this.createdAt = now;
        apply(draft, now);
    }

    /** Replaces what the call says; only while {@link CallService} allows it (a draft, or published with no submission). */
    void apply(CallDraft draft, Instant now) {
        this.title = draft.title();
        this.description = draft.description();
        this.mode = draft.mode();
        this.thematicAreas = joined(new TreeSet<>(draft.thematicAreas()), ThematicArea::name);
        this.sdgs = joined(new TreeSet<>(draft.sdgs()), String::valueOf);
        this.leadCountries = joined(new TreeSet<>(draft.leadCountries()), String::valueOf);
        this.requiredDocuments = joined(new TreeSet<>(draft.requiredDocuments()), DocumentKind::name);
        this.opensAt = toTheSecond(draft.opensAt());
        this.closesAt = toTheSecond(draft.closesAt());
        this.timeZone = draft.timeZone().getId();
        this.budget = draft.budget();
        this.currency = draft.currency();
        this.maxRequestedAmount = draft.maxRequestedAmount();
        this.maxFundingShare = draft.maxFundingShare();
        this.minDurationMonths = draft.minDurationMonths();
        this.maxDurationMonths = draft.maxDurationMonths();
        this.reviewerCount = draft.reviewerCount();
        this.reportingInterval = draft.reportingInterval().toString();
        this.updatedAt = now;
    }

    void publish(String actor, Instant now) {
        this.publishedAt = now;
        this.publishedBy = actor;
        this.updatedAt = now;
    }

    /** Moves the deadline; returns the record of it, which {@link CallDeadlineExtensions} keeps. */
    CallDeadlineExtension extendDeadline(Instant newClosesAt, String reason, String actor, Instant now) {
        CallDeadlineExtension extension = new CallDeadlineExtension(closesAt, toTheSecond(newClosesAt), reason, actor, now);
        this.closesAt = extension.newClosesAt();
        this.updatedAt = now;
        return extension;
    }

    void markClosed(Instant now) {
        this.closedAt = now;
        this.updatedAt = now;
    }

    /**
     * Where the call stands at {@code now}: its dates decide, not whether the closing timer has run yet; once it has run,
     * the call stays closed whatever the clock says.
     */
    public CallPhase phaseAt(Instant now) {
        if (publishedAt == null) {
            return CallPhase.DRAFT;
        }
        if (closedAt != null || !now.isBefore(closesAt)) {
            return CallPhase.CLOSED;
        }
        return now.isBefore(opensAt) ? CallPhase.UPCOMING : CallPhase.OPEN;
    }

    public CallRules rules() {
        return new CallRules(id, reference, mode, getThematicAreas(), getSdgs(), getLeadCountries(), getRequiredDocuments(), currency,
                budget, maxRequestedAmount, maxFundingShare, minDurationMonths, maxDurationMonths, reviewerCount, getReportingInterval());
    }

    /** The draft this call was made from, to edit it again. */
    public CallDraft toDraft() {
        return new CallDraft(reference, title, description, mode, getThematicAreas(), getSdgs(), getLeadCountries(),
                getRequiredDocuments(), opensAt, closesAt, getTimeZone(), budget, currency, maxRequestedAmount, maxFundingShare,
                minDurationMonths, maxDurationMonths, reviewerCount, getReportingInterval());
    }

    /** A call's dates are kept to the second (MySQL stores no fraction here: sendFractionalSeconds=false), so what is checked is what is stored. */
    private static Instant toTheSecond(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static <T> String joined(Collection<T> values, Function<T, String> code) {
        return values.stream().map(code).collect(Collectors.joining(","));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.stream(joined.split(",")).map(String::trim).toList();
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public CallMode getMode() { return mode; }
    public Set<ThematicArea> getThematicAreas() {
        Set<ThematicArea> areas = EnumSet.noneOf(ThematicArea.class);
        split(thematicAreas).forEach(a -> areas.add(ThematicArea.valueOf(a)));
        return areas;
    }
    public Set<Integer> getSdgs() { return split(sdgs).stream().map(Integer::valueOf).collect(Collectors.toCollection(TreeSet::new)); }
    public Set<String> getLeadCountries() { return new TreeSet<>(split(leadCountries)); }
    public Set<DocumentKind> getRequiredDocuments() {
        Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
        split(requiredDocuments).forEach(k -> kinds.add(DocumentKind.valueOf(k)));
        return kinds;
    }
    public Instant getOpensAt() { return opensAt; }
    public Instant getClosesAt() { return closesAt; }
    public ZoneId getTimeZone() { return ZoneId.of(timeZone); }
    public BigDecimal getBudget() { return budget; }
    public String getCurrency() { return currency; }
    public BigDecimal getMaxRequestedAmount() { return maxRequestedAmount; }
    public BigDecimal getMaxFundingShare() { return maxFundingShare; }
    public int getMinDurationMonths() { return minDurationMonths; }
    public int getMaxDurationMonths() { return maxDurationMonths; }
    public int getReviewerCount() { return reviewerCount; }
    public Period getReportingInterval() { return Period.parse(reportingInterval); }
    public Instant getPublishedAt() { return publishedAt; }
    public String getPublishedBy() { return publishedBy; }
    public boolean isPublished() { return publishedAt != null; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Integer getVersion() { return version; }

    @Override
    public String toString() {
        return "Call " + Objects.toString(reference);
    }
}
