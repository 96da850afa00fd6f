package org.twinflow.proposal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A partnership proposal: what the applicant city asks for. Where it is in the procedure lives in
 * the {@code partnership-proposal} process; {@link #getStatus()} mirrors it.
 */
public class Proposal {

    @Id
    private Long id;
    private String reference;
    private Long callId;
    private Long leadCityId;
    private PartnershipType partnershipType;
    private ThematicArea thematicArea;
    private String title;
    private String summary;
    private String objectives;
    private String activities;
    private LocalDate startDate;
    private Integer durationMonths;
    private BigDecimal totalBudget;
    private BigDecimal requestedAmount;
    private BigDecimal coFinancing;
    private String currency;
    private ProposalStatus status;
    private Instant submittedAt;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Integer version;

    @MappedCollection(idColumn = "PROPOSAL_ID", keyColumn = "POSITION")
    private List<PartnerCity> partners = new ArrayList<>();
    @MappedCollection(idColumn = "PROPOSAL_ID")
    private Set<ProposalSdg> sdgs = new LinkedHashSet<>();
    @MappedCollection(idColumn = "PROPOSAL_ID", keyColumn = "POSITION")
    private List<ExpectedResult> expectedResults = new ArrayList<>();

    protected Proposal() {
    }

    /** A new draft of the given lead city to the given call. */
    public Proposal(String reference, Long callId, Long leadCityId, PartnershipType partnershipType, String title,
            String currency, Instant now) {
        this.reference = Objects.requireNonNull(reference);
        this.callId = Objects.requireNonNull(callId);
        this.leadCityId = Objects.requireNonNull(leadCityId);
        this.partnershipType = Objects.requireNonNull(partnershipType);
        this.title = Objects.requireNonNull(title);
        this.currency = Objects.requireNonNull(currency);
        this.status = ProposalStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    // --- content -------------------------------------------------------------------------------

    /** A draft's title and partnership type may change until it is submitted. */
    public void retitle(String title, PartnershipType partnershipType) {
        this.title = Objects.requireNonNull(title);
        this.partnershipType = Objects.requireNonNull(partnershipType);
    }

    public void describe(ThematicArea thematicArea, String summary, String objectives, String activities) {
        this.thematicArea = thematicArea;
        this.summary = summary;
        this.objectives = objectives;
        this.activities = activities;
    }

    public void plan(LocalDate startDate, Integer durationMonths) {
        this.startDate = startDate;
        this.durationMonths = durationMonths;
    }

    public void budget(BigDecimal totalBudget, BigDecimal requestedAmount, BigDecimal coFinancing) {
        this.totalBudget = totalBudget;
        this.requestedAmount = requestedAmount;
        this.coFinancing = coFinancing;
    }

    public void replacePartners(Collection<PartnerCity> partners) {
        this.partners = new ArrayList<>(partners);
    }

    public void replaceSdgs(Collection<Integer> sdgNumbers) {
        var sorted = new TreeSet<>(sdgNumbers);
        sorted.forEach(n -> {
            if (!Sdg.isValid(n)) {
                throw new IllegalArgumentException("Unknown SDG " + n + "; SDGs are numbered 1 to 17");
            }
        });
        this.sdgs = new LinkedHashSet<>();
        sorted.forEach(n -> this.sdgs.add(new ProposalSdg(n)));
    }

    public void replaceExpectedResults(Collection<ExpectedResult> results) {
        this.expectedResults = new ArrayList<>(results);
    }

    // --- derived facts (inputs of the eligibility decision) ---------------------------------------

    public long foreignPartnerCount(String leadCountryCode) {
        return partners.stream().filter(p -> !p.countryCode().equalsIgnoreCase(leadCountryCode)).count();
    }

    /** Requested amount as a share of the total budget; 1 when there is no budget to share. */
    public double fundingShare() {
        if (totalBudget == null || totalBudget.signum() <= 0 || requestedAmount == null) {
            return 1.0;
        }
        return requestedAmount.divide(totalBudget, 4, RoundingMode.HALF_UP).doubleValue();
    }

    public LocalDate endDate() {
        return startDate == null || durationMonths == null ? null : startDate.plusMonths(durationMonths);
    }

    public List<Integer> sdgNumbers() {
        return sdgs.stream().map(ProposalSdg::sdg).sorted().toList();
    }

    // --- procedure -----------------------------------------------------------------------------

    public void markSubmitted(Instant now) {
        if (status != ProposalStatus.DRAFT && status != ProposalStatus.REVISION_REQUESTED) {
            throw new IllegalStateException("Proposal " + reference + " is " + status + " and cannot be submitted");
        }
        this.status = ProposalStatus.SUBMITTED;
        this.submittedAt = now;
        this.updatedAt = now;
    }

    public void moveTo(ProposalStatus newStatus, Instant now) {
        this.status = newStatus;
        this.updatedAt = now;
    }

    // --- accessors -----------------------------------------------------------------------------

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public Long getCallId() { return callId; }
    public Long getLeadCityId() { return leadCityId; }
    public PartnershipType getPartnershipType() { return partnershipType; }
    public ThematicArea getThematicArea() { return thematicArea; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getObjectives() { return objectives; }
    public String getActivities() { return activities; }
    public LocalDate getStartDate() { return startDate; }
    public Integer getDurationMonths() { return durationMonths; }
    public BigDecimal getTotalBudget() { return totalBudget; }
    public BigDecimal getRequestedAmount() { return requestedAmount; }
    public BigDecimal getCoFinancing() { return coFinancing; }
    public String getCurrency() { return currency; }
    public ProposalStatus getStatus() { return status; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Integer getVersion() { return version; }
    public List<PartnerCity> getPartners() { return List.copyOf(partners); }
    public List<ExpectedResult> getExpectedResults() { return List.copyOf(expectedResults); }
}
