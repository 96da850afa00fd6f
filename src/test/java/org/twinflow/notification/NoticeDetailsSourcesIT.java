package org.twinflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.proposal.ProposalNoticeFacts;
import org.twinflow.proposal.ProposalService;
import org.twinflow.timeline.TimelineService;

/**
 * Notification knows no stage: each stage supplies the details of its own notices. In the running application
 * every notice whose mail shows a question, deadline, reasons or the committee's words has exactly one source, in
 * the stage that owns those facts.
 */
@SpringBootTest
@ActiveProfiles("test")
class NoticeDetailsSourcesIT {

    @Autowired List<NoticeDetailsSource> sources;

    @Test
    void shouldHaveTheStageThatOwnsTheFactsSupplyEachNoticesDetails() {
        Map<Notice, String> stageOf = sources.stream().flatMap(source -> source.notices().stream()
                        .map(notice -> Map.entry(notice, source.getClass().getPackageName().replace("org.twinflow.", ""))))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

        assertThat(stageOf).containsOnlyKeys(EnumSet.of(Notice.CLARIFICATION_REQUESTED, Notice.CLARIFICATION_REMINDER,
                Notice.PROPOSAL_INELIGIBLE, Notice.REVIEW_REMINDER, Notice.REVIEW_EXTENDED, Notice.REVIEW_OVERDUE,
                Notice.PROPOSAL_APPROVED, Notice.PROPOSAL_REJECTED, Notice.REVISION_REQUESTED, Notice.AGREEMENT_DUE,
                Notice.AGREEMENT_REJECTED, Notice.AGREEMENT_REMINDER, Notice.AGREEMENT_EXTENDED, Notice.REPORT_DUE,
                Notice.REPORT_OVERDUE, Notice.REPORT_ESCALATED, Notice.FINAL_REPORT_DUE, Notice.CALL_CLOSING_SOON,
                Notice.CALL_DEADLINE_EXTENDED, Notice.PROPOSAL_ON_RESERVE_LIST));
        assertThat(stageOf).containsEntry(Notice.CLARIFICATION_REQUESTED, "screening")
                .containsEntry(Notice.REVIEW_OVERDUE, "review")
                .containsEntry(Notice.REVISION_REQUESTED, "approval")
                .containsEntry(Notice.FINAL_REPORT_DUE, "followup")
                .containsEntry(Notice.CALL_DEADLINE_EXTENDED, "call")
                .containsEntry(Notice.PROPOSAL_ON_RESERVE_LIST, "funding");
    }

    @Test
    void shouldRefuseToStartWhenTwoStagesClaimOneNotice() {
        NoticeDetailsSource first = source(Notice.REPORT_DUE, Notice.REPORT_OVERDUE);
        NoticeDetailsSource second = source(Notice.REPORT_OVERDUE);

        assertThatThrownBy(() -> new NotificationService(mock(NotificationRepository.class), mock(ProposalService.class),
                mock(IdentityService.class), mock(TimelineService.class), List.of(first, second), mock(NoticeMailRenderer.class),
                mock(MailDelivery.class), mock(MailProperties.class), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REPORT_OVERDUE has two sources");
    }

    private static NoticeDetailsSource source(Notice... notices) {
        return new NoticeDetailsSource() {
            @Override
            public Set<Notice> notices() {
                return Set.of(notices);
            }

            @Override
            public NoticeDetails detailsOf(Notice notice, ProposalNoticeFacts proposal, String reviewerId) {
                return NoticeDetails.NONE;
            }
        };
    }
}
