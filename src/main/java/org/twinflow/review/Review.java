package org.twinflow.review;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** One reviewer's review of one proposal: conflict declaration first, then scores and a recommendation. */
public class Review {

    @Id
    private Long id;
    private Long proposalId;
    private String reviewerId;
    private ReviewStatus status;
    private Boolean conflictDeclared;
    private String conflictDescription;
    private Integer scoreRelevance;
    private Integer scoreSdgContribution;
    private Integer scoreFeasibility;
    private Integer scorePartnershipQuality;
    private Integer scoreSustainability;
    private String reviewComment;
    private Recommendation recommendation;
    private Instant assignedAt;
    private Instant submittedAt;
    private Instant dueAt;
    @Version
    private Integer version;

    protected Review() {
    }

    Review(Long proposalId, String reviewerId, Instant assignedAt) {
        this.proposalId = proposalId;
        this.reviewerId = reviewerId;
        this.assignedAt = assignedAt;
        this.status = ReviewStatus.ASSIGNED;
    }

    void declareNoConflict() {
        this.conflictDeclared = false;
    }

    void declareConflict(String description) {
        this.conflictDeclared = true;
        this.conflictDescription = description;
        this.status = ReviewStatus.CONFLICT_DECLARED;
    }

    void submit(Scores scores, String comment, Recommendation recommendation, Instant now) {
        if (status != ReviewStatus.ASSIGNED || !Boolean.FALSE.equals(conflictDeclared)) {
            throw new IllegalStateException("Review " + id + " is " + status + " and cannot be scored");
        }
        this.scoreRelevance = scores.relevance();
        this.scoreSdgContribution = scores.sdgContribution();
        this.scoreFeasibility = scores.feasibility();
        this.scorePartnershipQuality = scores.partnershipQuality();
        this.scoreSustainability = scores.sustainability();
        this.reviewComment = comment;
        this.recommendation = recommendation;
        this.submittedAt = now;
        this.status = ReviewStatus.SUBMITTED;
    }

    void dueBy(Instant due) {
        requireOpen();
        this.dueAt = due;
    }

    void withdraw() {
        requireOpen();
        this.status = ReviewStatus.WITHDRAWN;
    }

    private void requireOpen() {
        if (status != ReviewStatus.ASSIGNED) {
            throw new IllegalStateException("Review " + id + " is " + status + ", no longer open");
        }
    }

    Scores scores() {
        return new Scores(scoreRelevance, scoreSdgContribution, scoreFeasibility, scorePartnershipQuality, scoreSustainability);
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public String getReviewerId() { return reviewerId; }
    public ReviewStatus getStatus() { return status; }
    public Boolean getConflictDeclared() { return conflictDeclared; }
    public String getConflictDescription() { return conflictDescription; }
    public Integer getScoreRelevance() { return scoreRelevance; }
    public Integer getScoreSdgContribution() { return scoreSdgContribution; }
    public Integer getScoreFeasibility() { return scoreFeasibility; }
    public Integer getScorePartnershipQuality() { return scorePartnershipQuality; }
    public Integer getScoreSustainability() { return scoreSustainability; }
    public String getReviewComment() { return reviewComment; }
    public Recommendation getRecommendation() { return recommendation; }
    public Instant getAssignedAt() { return assignedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getDueAt() { return dueAt; }
}
