package org.twinflow.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.timeline.TimelineActors;
import org.twinflow.call.CallService;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

/** Reviewer assignment, conflict-of-interest declarations, scoring and score aggregation. */
@Service
public class ReviewService {

    private final ReviewRepository reviews;
    private final ReviewerDirectory directory;
    private final ScoreSummaries summaries;
    private final TimelineService timeline;
    private final CallService calls;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, ReviewerDirectory directory, ScoreSummaries summaries,
            TimelineService timeline, CallService calls, Clock clock) {
        this.reviews = reviews;
        this.directory = directory;
        this.summaries = summaries;
        this.timeline = timeline;
        this.calls = calls;
        this.clock = clock;
    }

    /** The members of the reviewers group who have not declared a conflict with this proposal, as {label, value} form options. */
    public List<Map<String, Object>> reviewerOptions(Long proposalId) {
        Set<String> conflicted = conflictedReviewers(proposalId);
        return directory.reviewers().stream().filter(u -> !conflicted.contains(u.getId())).map(ReviewerDirectory::option).toList();
    }

    /** Reviewers who could replace one with a conflict or an overdue review: not yet assigned to this proposal. */
    public List<Map<String, Object>> replacementOptions(Long proposalId) {
        Set<String> taken = assignedReviewers(proposalId);
        return directory.reviewers().stream().filter(u -> !taken.contains(u.getId())).map(ReviewerDirectory::option).toList();
    }

    /** How many reviewers the proposal's call asks for. */
    public int minReviewers(Long proposalId) {
        return calls.rulesOfProposal(proposalId).reviewerCount();
    }

    /**
     * Assigns the reviewers chosen by the secretariat; each gets a new review unless one is open already
     * (a proposal back at reviewer assignment may be given to a reviewer of an earlier round).
     *
     * @throws IllegalArgumentException fewer than the minimum, duplicates, someone not in the reviewers group, or
     *         someone who declared a conflict of interest with this proposal
     */
    @Transactional
    public List<String> assign(Long proposalId, List<String> reviewerIds, String officer) {
        Set<String> distinct = new LinkedHashSet<>(reviewerIds);
        int minReviewers = minReviewers(proposalId);
        if (distinct.size() < minReviewers) {
            throw new IllegalArgumentException("Choose at least " + minReviewers + " different reviewers; "
                    + distinct.size() + " chosen");
        }
        Set<String> conflicted = conflictedReviewers(proposalId);
        for (String reviewerId : distinct) {
            if (!directory.isReviewer(reviewerId)) {
                throw new IllegalArgumentException(reviewerId + " is not a member of the reviewers group");
            }
            if (conflicted.contains(reviewerId)) {
                throw new IllegalArgumentException(reviewerId + " declared a conflict of interest with this proposal");
            }
        }
        Set<String> reviewing = new LinkedHashSet<>();
        reviewsOf(proposalId).stream().filter(r -> r.getStatus() == ReviewStatus.ASSIGNED).forEach(r -> reviewing.add(r.getReviewerId()));
        distinct.stream().filter(r -> !reviewing.contains(r)).forEach(r -> reviews.save(new Review(proposalId, r, clock.instant())));
        timeline.internal(proposalId, officer, TimelineEvent.REVIEWERS_ASSIGNED, String.join(", ", distinct));
        return List.copyOf(distinct);
    }

    @Transactional
    public void declareConflict(Long proposalId, String reviewerId, boolean conflict, String description) {
        Review review = openReviewOf(proposalId, reviewerId);
        if (conflict) {
            review.declareConflict(description);
            timeline.internal(proposalId, reviewerId, TimelineEvent.CONFLICT_DECLARED, description);
        } else {
            review.declareNoConflict();
        }
        reviews.save(review);
    }

    /** Replaces a reviewer who declared a conflict; the replacement starts with their own declaration. */
    @Transactional
    public void replace(Long proposalId, String conflictedReviewerId, String replacementId, String officer) {
        checkCanJoin(proposalId, replacementId);
        reviews.save(new Review(proposalId, replacementId, clock.instant()));
        timeline.internal(proposalId, officer, TimelineEvent.REVIEWER_REPLACED, conflictedReviewerId + " → " + replacementId);
    }

    /**
     * The secretariat goes on with the other reviews instead of replacing a reviewer who declared a conflict.
     *
     * @throws IllegalArgumentException no other review of the proposal is under way or submitted
     */
    @Transactional
    public void continueWithoutReplacement(Long proposalId, String conflictedReviewerId, String officer) {
        if (activeReviewCount(proposalId) == 0) {
            throw new IllegalArgumentException("No other review of this proposal is under way or submitted, so the committee "
                    + "would have nothing to decide on: look again for a free reviewer once one has been added in Camunda Admin");
        }
        timeline.internal(proposalId, officer, TimelineEvent.REVIEWER_NOT_REPLACED, conflictedReviewerId);
    }

    /** Reviews of the proposal under way or submitted (not those with a conflict, not the withdrawn). */
    public int activeReviewCount(Long proposalId) {
        return (int) reviewsOf(proposalId).stream()
                .filter(r -> r.getStatus() == ReviewStatus.ASSIGNED || r.getStatus() == ReviewStatus.SUBMITTED).count();
    }

    /** Records when the reviewer's scoring is due (scoring started, or the secretariat gave more time). */
    @Transactional
    public void recordDueDate(Long proposalId, String reviewerId, Instant due) {
        Review review = openReviewOf(proposalId, reviewerId);
        review.dueBy(due);
        reviews.save(review);
    }

    /** The secretariat gives a reviewer with an overdue review more time. */
    @Transactional
    public void extend(Long proposalId, String reviewerId, Instant due, String officer) {
        recordDueDate(proposalId, reviewerId, due);
        timeline.internal(proposalId, officer, TimelineEvent.REVIEW_DEADLINE_EXTENDED, reviewerId + " → " + due);
    }

    /**
     * The secretariat takes an overdue review from its reviewer and gives it to another, who starts with
     * their own conflict declaration.
     *
     * @throws IllegalArgumentException the new reviewer is not in the reviewers group or already reviews this proposal
     */
    @Transactional
    public void reassign(Long proposalId, String overdueReviewerId, String newReviewerId, String officer) {
        checkCanJoin(proposalId, newReviewerId);
        Review overdue = openReviewOf(proposalId, overdueReviewerId);
        overdue.withdraw();
        reviews.save(overdue);
        reviews.save(new Review(proposalId, newReviewerId, clock.instant()));
        timeline.internal(proposalId, officer, TimelineEvent.REVIEW_REASSIGNED, overdueReviewerId + " → " + newReviewerId);
    }

    /** When the reviewer's open review is due, if scoring has started. */
    public Optional<Instant> dueDateOf(Long proposalId, String reviewerId) {
        return openReview(proposalId, reviewerId).map(Review::getDueAt);
    }

    @Transactional
    public void submit(Long proposalId, String reviewerId, Scores scores, String comment, Recommendation recommendation) {
        Review review = openReviewOf(proposalId, reviewerId);
        review.submit(scores, comment, recommendation, clock.instant());
        reviews.save(review);
        timeline.internal(proposalId, reviewerId, TimelineEvent.REVIEW_SUBMITTED, recommendation.value());
    }

    /**
     * Means per criterion and overall over the submitted reviews, the spread between the reviewers'
     * own means, and the count of each recommendation; the summary is stored (table score_summary). Empty when no review was
     * submitted (every reviewer declared a conflict and the secretariat went on without replacements).
     */
    @Transactional
    public Optional<ReviewScores> aggregate(Long proposalId) {
        List<Review> submitted = reviewsOf(proposalId).stream().filter(r -> r.getStatus() == ReviewStatus.SUBMITTED).toList();
        if (submitted.isEmpty()) {
            return Optional.empty();
        }
        List<Scores> scores = submitted.stream().map(Review::scores).toList();
        BigDecimal relevance = mean(scores, Scores::relevance);
        BigDecimal sdg = mean(scores, Scores::sdgContribution);
        BigDecimal feasibility = mean(scores, Scores::feasibility);
        BigDecimal partnership = mean(scores, Scores::partnershipQuality);
        BigDecimal sustainability = mean(scores, Scores::sustainability);
        BigDecimal overall = round(scores.stream().mapToDouble(Scores::mean).average().orElseThrow());
        double highest = scores.stream().mapToDouble(Scores::mean).max().orElseThrow();
        double lowest = scores.stream().mapToDouble(Scores::mean).min().orElseThrow();
        ScoreSummary summary = new ScoreSummary(relevance, sdg, feasibility, partnership, sustainability, overall,
                round(highest - lowest));
        Map<Recommendation, Integer> counts = new EnumMap<>(Recommendation.class);
        for (Recommendation r : Recommendation.values()) {
            counts.put(r, (int) submitted.stream().filter(s -> s.getRecommendation() == r).count());
        }
        summaries.save(proposalId, summary, clock.instant());
        timeline.internal(proposalId, TimelineActors.SYSTEM, TimelineEvent.SCORES_AGGREGATED, "overall " + summary.overall());
        return Optional.of(new ReviewScores(summary, submitted.size(), counts));
    }

    /** The latest aggregated scores of the proposal's reviews; empty until its reviews were aggregated. */
    @Transactional(readOnly = true)
    public Optional<ScoreSummary> scoreSummaryOf(Long proposalId) {
        return summaries.find(proposalId);
    }

    public List<Review> reviewsOf(Long proposalId) {
        return reviews.findByProposalIdOrderByIdAsc(proposalId);
    }

    private Set<String> assignedReviewers(Long proposalId) {
        Set<String> ids = new LinkedHashSet<>();
        reviewsOf(proposalId).forEach(r -> ids.add(r.getReviewerId()));
        return ids;
    }

    private Set<String> conflictedReviewers(Long proposalId) {
        Set<String> ids = new LinkedHashSet<>();
        reviewsOf(proposalId).stream().filter(r -> r.getStatus() == ReviewStatus.CONFLICT_DECLARED).forEach(r -> ids.add(r.getReviewerId()));
        return ids;
    }

    private void checkCanJoin(Long proposalId, String reviewerId) {
        if (!directory.isReviewer(reviewerId)) {
            throw new IllegalArgumentException(reviewerId + " is not a member of the reviewers group");
        }
        if (assignedReviewers(proposalId).contains(reviewerId)) {
            throw new IllegalArgumentException(reviewerId + " is already a reviewer of this proposal");
        }
    }

    private Review openReviewOf(Long proposalId, String reviewerId) {
        return openReview(proposalId, reviewerId)
                .orElseThrow(() -> new IllegalStateException(reviewerId + " has no open review of proposal " + proposalId));
    }

    private Optional<Review> openReview(Long proposalId, String reviewerId) {
        return reviewsOf(proposalId).stream()
                .filter(r -> r.getReviewerId().equals(reviewerId) && r.getStatus() == ReviewStatus.ASSIGNED)
                .findFirst();
    }

    private static BigDecimal mean(List<Scores> scores, ToIntFunction<Scores> criterion) {
        return round(scores.stream().mapToInt(criterion).average().orElseThrow());
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** The aggregate the committee sees. */
    public record ReviewScores(ScoreSummary summary, int reviewCount, Map<Recommendation, Integer> recommendations) {

        /** The {@code reviewScores} variable shown by the decision form. */
        public Map<String, Object> asVariable() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("relevance", summary.relevance());
            map.put("sdgContribution", summary.sdgContribution());
            map.put("feasibility", summary.feasibility());
            map.put("partnershipQuality", summary.partnershipQuality());
            map.put("sustainability", summary.sustainability());
            map.put("overall", summary.overall());
            map.put("spread", summary.spread());
            map.put("reviewCount", reviewCount);
            Map<String, Integer> counts = new LinkedHashMap<>();
            recommendations.forEach((r, n) -> counts.put(r.value(), n));
            map.put("recommendations", counts);
            return map;
        }
    }
}
