package org.twinflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.twinflow.ProcessFixture;
import org.twinflow.call.CallService;
import org.twinflow.screening.ScreeningTestBeans;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

class ReviewServiceTest {

    static final long PROPOSAL = 5L;

    ReviewRepository repository = mock(ReviewRepository.class);
    ReviewerDirectory directory = mock(ReviewerDirectory.class);
    ScoreSummaries summaries = mock(ScoreSummaries.class);
    TimelineService timeline = mock(TimelineService.class);
    CallService calls = mock(CallService.class);
    List<Review> stored = new ArrayList<>();
    ReviewService service;

    @BeforeEach
    void setUp() {
        Clock clock = Clock.fixed(Instant.parse("2027-01-10T09:00:00Z"), ZoneOffset.UTC);
        service = new ReviewService(repository, directory, summaries, timeline, calls, clock);
        // the proposal's call asks for two reviewers
        when(calls.rulesOfProposal(PROPOSAL)).thenReturn(ScreeningTestBeans.CALL);
        when(repository.findByProposalIdOrderByIdAsc(PROPOSAL)).thenReturn(stored);
        when(repository.save(any())).thenAnswer(call -> {
            Review review = call.getArgument(0);
            if (!stored.contains(review)) {
                stored.add(review);
            }
            return review;
        });
        when(directory.isReviewer(anyString())).thenAnswer(call -> List.of("amara", "bao", "chen").contains(call.getArgument(0)));
        when(directory.reviewers()).thenReturn(List.of(new UserEntity("amara"), new UserEntity("bao"), new UserEntity("chen")));
    }

    @Test
    void shouldRefuseFewerReviewersThanTheMinimum() {
        assertThatThrownBy(() -> service.assign(PROPOSAL, List.of("amara", "amara"), "sofia"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Choose at least 2 different reviewers; 1 chosen");
        verify(repository, never()).save(any());
    }

    @Test
    void shouldRefuseSomeoneOutsideTheReviewersGroup() {
        assertThatThrownBy(() -> service.assign(PROPOSAL, List.of("amara", "mallory"), "sofia"))
                .hasMessage("mallory is not a member of the reviewers group");
        verify(repository, never()).save(any());
    }

    @Test
    void shouldRefuseAReplacementWhoAlreadyReviewsTheProposal() {
        service.assign(PROPOSAL, List.of("amara", "bao"), "sofia");

        assertThatThrownBy(() -> service.replace(PROPOSAL, "amara", "bao", "sofia"))
                .hasMessage("bao is already a reviewer of this proposal");
    }

    @Test
    void shouldNeitherOfferNorAcceptAReviewerWhoDeclaredAConflictWithTheProposal() {
        // given amara declared a conflict
        service.assign(PROPOSAL, List.of("amara", "bao"), "sofia");
        service.declareConflict(PROPOSAL, "amara", true, "Former adviser");

        // then a new assignment neither offers nor accepts amara
        assertThat(service.reviewerOptions(PROPOSAL)).extracting(option -> option.get("value")).containsExactly("bao", "chen");
        assertThatThrownBy(() -> service.assign(PROPOSAL, List.of("amara", "chen"), "sofia"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("amara declared a conflict of interest with this proposal");
    }

    @Test
    void shouldGiveAReviewerOfAnEarlierRoundANewReview() {
        // given amara and bao reviewed the proposal before it came back
        service.assign(PROPOSAL, List.of("amara", "bao"), "sofia");
        for (String reviewer : List.of("amara", "bao")) {
            service.declareConflict(PROPOSAL, reviewer, false, null);
            service.submit(PROPOSAL, reviewer, new Scores(4, 4, 4, 4, 4), "Good", Recommendation.FUND);
        }

        // when amara is assigned again, with chen
        service.assign(PROPOSAL, List.of("amara", "chen"), "sofia");

        // then both have an open review that they can declare on
        assertThat(stored).filteredOn(r -> r.getStatus() == ReviewStatus.ASSIGNED).extracting(Review::getReviewerId)
                .containsExactly("amara", "chen");
        service.declareConflict(PROPOSAL, "amara", false, null);
    }

    @Test
    void shouldContinueWithoutAReplacementOnlyWhileAnotherReviewIsUnderWayOrSubmitted() {
        // given amara declared a conflict while bao reviews
        service.assign(PROPOSAL, List.of("amara", "bao"), "sofia");
        service.declareConflict(PROPOSAL, "amara", true, "Former adviser");
        assertThat(service.activeReviewCount(PROPOSAL)).isOne();

        // when the secretariat continues without replacing amara, it is on the internal timeline
        service.continueWithoutReplacement(PROPOSAL, "amara", "sofia");
        verify(timeline).internal(PROPOSAL, "sofia", TimelineEvent.REVIEWER_NOT_REPLACED, "amara");

        // but once bao declared a conflict too, there is no review left to continue with
        service.declareConflict(PROPOSAL, "bao", true, "Sister works for the partner city");
        assertThat(service.activeReviewCount(PROPOSAL)).isZero();
        assertThatThrownBy(() -> service.continueWithoutReplacement(PROPOSAL, "bao", "sofia"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("No other review of this proposal is under way or submitted");
        verify(timeline, never()).internal(PROPOSAL, "sofia", TimelineEvent.REVIEWER_NOT_REPLACED, "bao");
    }

    @Test
    void shouldAggregateNothingWhenNoReviewWasSubmitted() {
        service.assign(PROPOSAL, List.of("amara", "bao"), "sofia");
        service.declareConflict(PROPOSAL, "amara", true, "Former adviser");
        service.declareConflict(PROPOSAL, "bao", true, "Sister works for the partner city");

        assertThat(service.aggregate(PROPOSAL)).isEmpty();
        verify(summaries, never()).save(any(), any(), any());
    }

    @Test
    void shouldAggregateMeansPerCriterionOverallAndSpreadOverSubmittedReviewsOnly() {
        // given three reviewers, one with a conflict
        service.assign(PROPOSAL, List.of("amara", "bao", "chen"), "sofia");
        service.declareConflict(PROPOSAL, "amara", true, "Former employee of the lead city");
        service.declareConflict(PROPOSAL, "bao", false, null);
        service.declareConflict(PROPOSAL, "chen", false, null);
        service.submit(PROPOSAL, "bao", new Scores(5, 4, 3, 4, 4), "Good", Recommendation.FUND);
        service.submit(PROPOSAL, "chen", new Scores(3, 2, 3, 2, 2), "Weak", Recommendation.DO_NOT_FUND);

        // when the scores are aggregated
        ReviewService.ReviewScores scores = service.aggregate(PROPOSAL).orElseThrow();

        // then means per criterion, overall mean and the spread of the reviewers' own means (4.0 and 2.4)
        ScoreSummary summary = scores.summary();
        assertThat(summary.relevance()).isEqualByComparingTo("4.00");
        assertThat(summary.sdgContribution()).isEqualByComparingTo("3.00");
        assertThat(summary.feasibility()).isEqualByComparingTo("3.00");
        assertThat(summary.overall()).isEqualByComparingTo("3.20");
        assertThat(summary.spread()).isEqualByComparingTo("1.60");
        assertThat(scores.reviewCount()).isEqualTo(2);
        assertThat(scores.recommendations()).containsEntry(Recommendation.FUND, 1).containsEntry(Recommendation.DO_NOT_FUND, 1);
        ArgumentCaptor<ScoreSummary> recorded = ArgumentCaptor.forClass(ScoreSummary.class);
        verify(summaries).save(eq(PROPOSAL), recorded.capture(), eq(Instant.parse("2027-01-10T09:00:00Z")));
        assertThat(recorded.getValue().overall()).isEqualByComparingTo(new BigDecimal("3.2"));
    }

    @Test
    void shouldRefuseScoresOutsideOneToFive() {
        assertThatThrownBy(() -> new Scores(0, 3, 3, 3, 3)).hasMessageContaining("from 1 to 5");
        assertThatThrownBy(() -> new Scores(3, 3, 3, 3, 6)).hasMessageContaining("from 1 to 5");
    }
}
