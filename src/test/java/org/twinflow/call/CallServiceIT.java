package org.twinflow.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.document.DocumentKind;
import org.twinflow.notification.Notice;
import org.twinflow.notification.NotificationService;
import org.twinflow.process.CallProcess;
import org.twinflow.proposal.CallNotOpenException;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.screening.ScreeningService;

/**
 * A call's life through its service and its real process on the engine: checks of what the secretariat writes, publication,
 * opening and closing by the call's timers (the engine clock moved, not slept), submissions refused before the opening and
 * after the deadline, rules locked after the first submission, a recorded deadline extension that moves the closing timer,
 * and the eligibility decision taking the call's own rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CallServiceIT {

    private static final Instant NOW = Instant.parse("2027-01-10T03:00:00Z");
    private static final Instant OPENS = Instant.parse("2027-01-15T01:00:00Z");
    private static final Instant CLOSES = Instant.parse("2027-03-31T10:00:00Z");

    @Autowired CallService calls;
    @Autowired ProposalService proposals;
    @Autowired ScreeningService screening;
    @Autowired NotificationService notifications;
    @Autowired CityRepository cities;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;

    @BeforeEach
    void atAFixedTime() {
        ClockUtil.setCurrentTime(Date.from(NOW));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRefuseAnIncoherentCallWithEveryProblemAndStoreNothing() {
        // given a call that closes before it opens, has no area, no budget, a request larger than the budget and a bad country
        CallDraft incoherent = new CallDraft("2027-BAD", "Bad call", "", CallMode.COMPETITIVE, Set.of(), Set.of(18), Set.of("IDN"),
                Set.of(), CLOSES, OPENS, ZoneId.of("Asia/Jakarta"), BigDecimal.ZERO, "EUR", new BigDecimal("150000"),
                new BigDecimal("1.5"), 12, 6, 0, Period.ZERO);

        // when it is created, then every problem is named with its field, and nothing is stored
        assertThatThrownBy(() -> calls.create(incoherent)).isInstanceOfSatisfying(CallInvalidException.class, invalid ->
                assertThat(invalid.problems()).extracting(CallProblem::field).containsExactlyInAnyOrder("description", "thematicAreas",
                        "sdgs", "leadCountries", "closesAt", "budget", "maxFundingShare", "maxDurationMonths", "reviewerCount",
                        "reportingInterval"));
        assertThatThrownBy(() -> calls.byReference("2027-BAD")).isInstanceOf(CallNotFoundException.class);

        // and a reference already used is refused
        calls.create(climateCall("2027-DUP"));
        assertThatThrownBy(() -> calls.create(climateCall("2027-DUP"))).isInstanceOfSatisfying(CallInvalidException.class,
                invalid -> assertThat(invalid.problems()).extracting(CallProblem::field).containsExactly("reference"));
    }

    @Test
    void shouldOpenAndCloseByItsTimersAndRefuseSubmissionsOutsideItsDates() {
        // given a published competitive call that opens in five days
        CallForProposals call = calls.create(climateCall("2027-CR1"));
        calls.publish("2027-CR1", "sofia");
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(CallProcess.PROCESS_KEY)
                .processInstanceBusinessKey("2027-CR1").singleResult().getId();
        assertThat(timer(instance).getDuedate().toInstant()).isEqualTo(OPENS);
        Proposal draft = draftOf(call);

        // when the city submits before the opening, then it is refused and stays a draft
        assertThatThrownBy(() -> proposals.submit(draft.getReference(), "semarang")).isInstanceOfSatisfying(CallNotOpenException.class,
                refused -> {
                    assertThat(refused.closed()).isFalse();
                    assertThat(refused.instant()).isEqualTo(OPENS);
                });
        assertThat(proposals.byReference(draft.getReference()).getStatus()).isEqualTo(ProposalStatus.DRAFT);

        // when the opening time comes, the call takes submissions until its deadline
        ClockUtil.setCurrentTime(Date.from(OPENS.plusSeconds(1)));
        managementService.executeJob(timer(instance).getId());
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance).activityId("Task_TakeSubmissions").count()).isOne();
        assertThat(timerAt(instance, "Event_DeadlineReached").getDuedate().toInstant()).isEqualTo(CLOSES);
        assertThat(timerAt(instance, "Event_SevenDaysBeforeClosing").getDuedate().toInstant()).isEqualTo(CLOSES.minus(Duration.ofDays(7)));
        assertThat(timerAt(instance, "Event_OneDayBeforeClosing").getDuedate().toInstant()).isEqualTo(CLOSES.minus(Duration.ofDays(1)));
        Proposal submitted = proposals.submit(draft.getReference(), "semarang");
        assertThat(submitted.getStatus()).isEqualTo(ProposalStatus.SUBMITTED);

        // then its rules are locked, and its dates stay as announced
        CallDraft cheaper = withBudget(call.toDraft(), new BigDecimal("100000"));
        assertThatThrownBy(() -> calls.update("2027-CR1", cheaper)).isInstanceOf(CallRulesLockedException.class)
                .hasMessageContaining("only its deadline can be extended");

        // when the deadline passes, a submission is refused at once, before the closing timer has even run
        Proposal late = draftOf(call);
        ClockUtil.setCurrentTime(Date.from(CLOSES));
        assertThatThrownBy(() -> proposals.submit(late.getReference(), "semarang")).isInstanceOfSatisfying(CallNotOpenException.class,
                refused -> {
                    assertThat(refused.closed()).isTrue();
                    assertThat(refused.instant()).isEqualTo(CLOSES);
                    assertThat(refused.timeZone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
                });
        assertThat(proposals.byReference(late.getReference()).getStatus()).isEqualTo(ProposalStatus.DRAFT);

        // and the closing timer marks it closed; a closed call does not open again
        managementService.executeJob(timerAt(instance, "Event_DeadlineReached").getId());
        assertThat(calls.byReference("2027-CR1").getClosedAt()).isEqualTo(CLOSES);
        assertThatThrownBy(() -> calls.extendDeadline("2027-CR1", CLOSES.plus(Duration.ofDays(7)), "Late", "sofia"))
                .isInstanceOf(CallRulesLockedException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldRecordAnExtensionMoveTheClosingTimerAndTellTheCitiesWithDrafts() {
        // given an open call with one draft
        CallForProposals call = calls.create(climateCall("2027-CR2"));
        calls.publish("2027-CR2", "sofia");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("2027-CR2").singleResult().getId();
        ClockUtil.setCurrentTime(Date.from(OPENS.plusSeconds(1)));
        managementService.executeJob(timer(instance).getId());
        Proposal draft = draftOf(call);

        // when the secretariat moves the deadline earlier, or later without a reason, it is refused
        assertThatThrownBy(() -> calls.extendDeadline("2027-CR2", CLOSES.minus(Duration.ofDays(1)), "Typo", "sofia"))
                .isInstanceOfSatisfying(CallInvalidException.class, invalid -> assertThat(invalid.problems()).extracting(CallProblem::field)
                        .containsExactly("closesAt"));
        assertThatThrownBy(() -> calls.extendDeadline("2027-CR2", CLOSES.plus(Duration.ofDays(14)), " ", "sofia"))
                .isInstanceOf(CallInvalidException.class);

        // when it extends the deadline by two weeks, with a reason
        Instant extended = CLOSES.plus(Duration.ofDays(14)).plusMillis(250);
        calls.extendDeadline("2027-CR2", extended, "Many cities asked for time after the floods.", "sofia");
        Jobs.runAsync(managementService);

        // then the extension is recorded, the closing and reminder timers follow, and the draft's city is told
        CallForProposals stored = calls.byReference("2027-CR2");
        Instant newDeadline = extended.truncatedTo(ChronoUnit.SECONDS);
        assertThat(stored.getClosesAt()).isEqualTo(newDeadline);
        assertThat(calls.extensionsOf(stored.getId())).singleElement().satisfies(e -> {
            assertThat(e.previousClosesAt()).isEqualTo(CLOSES);
            assertThat(e.newClosesAt()).isEqualTo(newDeadline);
            assertThat(e.reason()).isEqualTo("Many cities asked for time after the floods.");
            assertThat(e.extendedBy()).isEqualTo("sofia");
        });
        assertThat(timerAt(instance, "Event_DeadlineReached").getDuedate().toInstant()).isEqualTo(newDeadline);
        assertThat(timerAt(instance, "Event_OneDayBeforeClosing").getDuedate().toInstant()).isEqualTo(newDeadline.minus(Duration.ofDays(1)));
        assertThat(notifications.sentFor(draft.getId())).extracting(n -> n.getNotice()).containsExactly(Notice.CALL_DEADLINE_EXTENDED);

        // and seven days before the new deadline the draft's city is reminded
        ClockUtil.setCurrentTime(Date.from(newDeadline.minus(Duration.ofDays(7))));
        managementService.executeJob(timerAt(instance, "Event_SevenDaysBeforeClosing").getId());
        Jobs.runAsync(managementService);
        assertThat(notifications.sentFor(draft.getId())).extracting(n -> n.getNotice())
                .containsExactly(Notice.CALL_DEADLINE_EXTENDED, Notice.CALL_CLOSING_SOON);
    }

    @Test
    void shouldJudgeEligibilityByTheRulesOfTheProposalsCall() {
        // given an open call for climate and SDG localisation only, led from Indonesia or the Philippines, targeting SDGs 5 and 6
        calls.create(new CallDraft("2027-CR3", "Climate only", "Climate resilience.", CallMode.ROLLING,
                EnumSet.of(ThematicArea.CLIMATE_DRR, ThematicArea.SDG_LOCALISATION), Set.of(5, 6), Set.of("PH", "ID"), Set.of(),
                NOW.minus(Duration.ofDays(1)), CLOSES, ZoneId.of("Asia/Manila"), new BigDecimal("400000"), "EUR",
                new BigDecimal("150000"), new BigDecimal("0.8"), 6, 36, 2, Period.ofMonths(6)));
        CallForProposals call = calls.publish("2027-CR3", "sofia");

        // when a mobility proposal of an Indonesian city (SDGs 11, 13) is submitted to it
        Proposal mobility = proposals.submit(draftOf(call).getReference(), "semarang");
        Jobs.runAsync(managementService);

        // then the decision finds the area and the SDGs outside the call, and nothing else (the lead country is one of the call's)
        assertThat(screening.ineligibilityReasonsOf(mobility.getId())).containsExactlyInAnyOrder("THEMATIC_AREA_NOT_IN_CALL", "NO_SDG_OF_CALL");
    }

    private Proposal draftOf(CallForProposals call) {
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        ProposalDraft d = ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        return proposals.createDraft(ProposalFixtures.inCall(d, call.getId(), d.thematicArea()));
    }

    private Job timer(String instance) {
        return managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    }

    private Job timerAt(String instance, String activityId) {
        return managementService.createJobQuery().processInstanceId(instance).timers().activityId(activityId).singleResult();
    }

    private static CallDraft climateCall(String reference) {
        return new CallDraft(reference, "Twinning for Climate Resilience 2027", "Cities adapt together to floods, heat and sea-level rise.",
                CallMode.COMPETITIVE, EnumSet.allOf(ThematicArea.class), Set.of(), Set.of(), Set.of(DocumentKind.LETTER_OF_INTENT),
                OPENS, CLOSES, ZoneId.of("Asia/Jakarta"), new BigDecimal("400000"), "EUR", new BigDecimal("150000"), new BigDecimal("0.8"),
                6, 36, 2, Period.ofMonths(6));
    }

    private static CallDraft withBudget(CallDraft d, BigDecimal budget) {
        return new CallDraft(d.reference(), d.title(), d.description(), d.mode(), d.thematicAreas(), d.sdgs(), d.leadCountries(),
                d.requiredDocuments(), d.opensAt(), d.closesAt(), d.timeZone(), budget, d.currency(), d.maxRequestedAmount(),
                d.maxFundingShare(), d.minDurationMonths(), d.maxDurationMonths(), d.reviewerCount(), d.reportingInterval());
    }
}
