package org.twinflow.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.approval.DecisionRecord;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.city.Countries;
import org.twinflow.city.City;
import org.twinflow.document.DocumentInfo;
import org.twinflow.document.DocumentService;
import org.twinflow.proposal.ApplicantAction;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.review.Review;
import org.twinflow.review.ReviewService;
import org.twinflow.review.ReviewStatus;
import org.twinflow.review.ScoreSummary;
import org.twinflow.screening.Clarification;
import org.twinflow.screening.ScreeningService;
import org.twinflow.timeline.TimelineActors;
import org.twinflow.timeline.TimelineActors.Actor;
import org.twinflow.timeline.TimelineEntry;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;
import org.twinflow.timeline.TimelineWording;

/**
 * What the proposal page shows, for the applicant city or for staff. The applicant sees the timeline
 * entries meant for it and the reviewers' comments as "Reviewer 1", "Reviewer 2" once decided; staff
 * see every entry with who did it, by name, and the reviews with the reviewers' ids. Entries are put in
 * words by {@link TimelineWording}.
 */
@Component
class ProposalPageModel {

    /** Timeline events about reviewers and their scores, which only the secretariat, the committee and administrators see. */
    private static final Set<String> REVIEW_EVENTS = Set.of(TimelineEvent.REVIEWERS_ASSIGNED.name(), TimelineEvent.CONFLICT_DECLARED.name(),
            TimelineEvent.REVIEWER_REPLACED.name(), TimelineEvent.REVIEWER_NOT_REPLACED.name(), TimelineEvent.REVIEW_DEADLINE_EXTENDED.name(),
            TimelineEvent.REVIEW_REASSIGNED.name(), TimelineEvent.REVIEW_SUBMITTED.name(), TimelineEvent.SCORES_AGGREGATED.name());

    private final ProposalService proposals;
    private final DocumentService documents;
    private final TimelineService timeline;
    private final ReviewService reviews;
    private final ScreeningService screening;
    private final ApplicantActionFinder actions;
    private final TimelineWording wording;
    private final TimelineActors actors;
    private final CommitteeDecisions decisions;

    ProposalPageModel(ProposalService proposals, DocumentService documents, TimelineService timeline, ReviewService reviews,
            ScreeningService screening, ApplicantActionFinder actions, TimelineWording wording, TimelineActors actors,
            CommitteeDecisions decisions) {
        this.decisions = decisions;
        this.proposals = proposals;
        this.documents = documents;
        this.timeline = timeline;
        this.reviews = reviews;
        this.screening = screening;
        this.actions = actions;
        this.wording = wording;
        this.actors = actors;
    }

    /**
     * Fills the applicant's proposal page: the proposal, and the action the process waits for with an
     * empty form unless the model already holds one (a form sent back with errors).
     *
     * @return the action the process waits for, or {@code null}
     */
    @Transactional(readOnly = true)
    ApplicantAction populate(Model model, Proposal proposal, Locale locale) {
        model.addAttribute("page", forApplicant(proposal, locale));
        ApplicantAction action = actions.forProposal(proposal.getId()).orElse(null);
        model.addAttribute("action", action);
        if (action == null) {
            return null;
        }
        switch (action.kind()) {
            case ANSWER_CLARIFICATION -> {
                model.addAttribute("openClarification", screening.openClarification(proposal.getId()).orElse(null));
                if (!model.containsAttribute(ApplicantActionController.CLARIFICATION_FORM)) {
                    model.addAttribute(ApplicantActionController.CLARIFICATION_FORM, new ApplicantActionClarificationForm());
                }
            }
            case UPLOAD_AGREEMENT -> {
                if (!model.containsAttribute(ApplicantActionController.AGREEMENT_FORM)) {
                    model.addAttribute(ApplicantActionController.AGREEMENT_FORM, new ApplicantActionAgreementForm());
                }
            }
            case SUBMIT_REPORT -> {
                if (!model.containsAttribute(ApplicantActionController.REPORT_FORM)) {
                    model.addAttribute(ApplicantActionController.REPORT_FORM,
                            ApplicantActionReportForm.withRows(proposal.getExpectedResults().size()));
                }
            }
            default -> { }
        }
        return action;
    }

    /** The page as the applicant city sees it. */
    @Transactional(readOnly = true)
    View forApplicant(Proposal proposal, Locale locale) {
        List<TimelineEntry> entries = timeline.visibleToApplicant(proposal.getId());
        List<TimelineItem> items = wording.forApplicant(entries, actors.lookUp(wording.people(entries)), locale).stream()
                .map(TimelineItem::of).toList();
        List<ReviewerFeedback> feedback = new ArrayList<>();
        DecisionRecord decision = decisions.of(proposal.getId()).orElse(null);
        if (decision != null) {
            int number = 0;
            for (Review review : submitted(proposal.getId())) {
                number++;
                if (review.getReviewComment() != null && !review.getReviewComment().isBlank()) {
                    feedback.add(new ReviewerFeedback(number, review.getReviewComment()));
                }
            }
        }
        return new View(proposal, proposals.leadCityOf(proposal), partners(proposal, locale), documents.documentsOf(proposal.getId()),
                items, feedback, List.of(), List.of(), clarifications(proposal.getId()), decision != null, Map.of(), decision,
                reviews.scoreSummaryOf(proposal.getId()).orElse(null));
    }

    /**
     * The page as staff see it. The secretariat, the committee and administrators see the reviews with
     * the reviewers' ids and every timeline entry; a reviewer ({@code seesReviews} false) sees neither
     * the other reviews nor the review entries and internal notices of the timeline (which name
     * reviewers), so that reviews stay independent.
     */
    @Transactional(readOnly = true)
    View forStaff(Proposal proposal, Locale locale, boolean seesReviews) {
        List<TimelineEntry> entries = timeline.of(proposal.getId()).stream()
                .filter(e -> seesReviews || !(REVIEW_EVENTS.contains(e.getEvent())
                        || !e.isVisibleToApplicant() && TimelineEvent.NOTICE_SENT.name().equals(e.getEvent())))
                .toList();
        List<DocumentInfo> documentList = documents.documentsOf(proposal.getId());
        List<ClarificationItem> clarificationList = clarifications(proposal.getId());
        // Everyone the page names, looked up at once: actors, reviewers in the entries, who asked and who uploaded.
        Set<String> people = new LinkedHashSet<>(wording.people(entries));
        clarificationList.forEach(c -> people.add(c.askedBy()));
        documentList.forEach(d -> people.add(d.uploadedBy()));
        Map<String, Actor> named = actors.lookUp(people);
        Map<String, String> names = new HashMap<>();
        people.forEach(id -> names.put(id == null ? "" : id, wording.staffWords(TimelineActors.of(named, id), locale)));
        List<TimelineItem> items = wording.forStaff(entries, named, locale).stream().map(TimelineItem::of).toList();
        return new View(proposal, proposals.leadCityOf(proposal), partners(proposal, locale), documentList,
                items, List.of(), seesReviews ? reviews.reviewsOf(proposal.getId()) : List.of(),
                seesReviews ? submitted(proposal.getId()) : List.of(), clarificationList, seesReviews, names,
                decisions.of(proposal.getId()).orElse(null), reviews.scoreSummaryOf(proposal.getId()).orElse(null));
    }

    private List<ClarificationItem> clarifications(Long proposalId) {
        return screening.clarificationsOf(proposalId).stream().map(ClarificationItem::of).toList();
    }

    private List<Review> submitted(Long proposalId) {
        return reviews.reviewsOf(proposalId).stream().filter(r -> r.getStatus() == ReviewStatus.SUBMITTED).toList();
    }

    private static List<PartnerView> partners(Proposal proposal, Locale locale) {
        return proposal.getPartners().stream().map(p -> PartnerView.of(p, locale)).toList();
    }

    /** "Toyama (Japan)", with the country named in the reader's language. */
    static String cityWithCountry(String cityName, String countryCode, Locale locale) {
        return cityName + " (" + countryName(countryCode, locale) + ")";
    }

    static String countryName(String countryCode, Locale locale) {
        return Countries.name(countryCode, locale);
    }

    static ZonedDateTime utc(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC);
    }

    /** Everything the page template reads. */
    public record View(Proposal proposal, City leadCity, List<PartnerView> partners, List<DocumentInfo> documents, List<TimelineItem> timeline,
            List<ReviewerFeedback> reviewerFeedback, List<Review> reviews, List<Review> submittedReviews,
            List<ClarificationItem> clarifications, boolean scoresVisible, Map<String, String> people, DecisionRecord decision,
            ScoreSummary scores) {

        /** A user id the staff view names (who asked, who uploaded) as the person's name or role. */
        public String person(String userId) {
            return people.getOrDefault(userId == null ? "" : userId, userId);
        }

        public String leadCountry(Locale locale) {
            return countryName(leadCity.getCountryCode(), locale);
        }

        public ZonedDateTime decidedAt() {
            return decision == null ? null : utc(decision.decidedAt());
        }

        public ZonedDateTime submittedAt() {
            return utc(proposal.getSubmittedAt());
        }

        public ZonedDateTime updatedAt() {
            return utc(proposal.getUpdatedAt());
        }

        public boolean hasScores() {
            return scoresVisible && scores != null;
        }
    }

    /** A partner city with its country's name and its role (message key page.partnerRole.*). */
    public record PartnerView(String cityName, String country, String role) {
        static PartnerView of(PartnerCity partner, Locale locale) {
            return new PartnerView(partner.cityName(), countryName(partner.countryCode(), locale), partner.role().name());
        }
    }

    /** A timeline entry in words (TimelineWording): the event, a short phrase after it, a text as written, and who. */
    public record TimelineItem(ZonedDateTime occurredAt, String event, String detail, String text, String actor) {
        static TimelineItem of(TimelineWording.Line line) {
            return new TimelineItem(utc(line.occurredAt()), line.event(), line.detail(), line.text(), line.actor());
        }
    }

    /** A clarification question and its answer, with times in UTC. */
    public record ClarificationItem(String askedBy, ZonedDateTime askedAt, String question, ZonedDateTime deadline, String answer,
            ZonedDateTime answeredAt) {
        static ClarificationItem of(Clarification c) {
            return new ClarificationItem(c.getAskedBy(), utc(c.getAskedAt()), c.getQuestion(), utc(c.getDeadline()), c.getAnswer(),
                    utc(c.getAnsweredAt()));
        }
    }

    /** One reviewer's comment, numbered, without the reviewer's identity. */
    public record ReviewerFeedback(int number, String comment) {
    }
}
