package org.twinflow.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.CallNotOpenException;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ThematicArea;

/**
 * Submissions racing a call's closing instant (just extended, so the extension's tables and timers run on the server
 * too) from many threads on the real MySQL-compatible server, while the call's
 * closing runs at the deadline as its timer job would: each submission is either accepted before the close or refused
 * after it, none is lost or half-stored, and every accepted one is stored before the closing returns (so the call's
 * "every proposal reviewed?" count can never miss one).
 */
@ExtendWith(MySqlTestDatabase.class)
@SpringBootTest
@ActiveProfiles("mysql")
@DirtiesContext
class MySqlCallDeadlineIT {

    private static final int SUBMISSIONS = 24;

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itdeadlineadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
    }

    @Autowired CallService calls;
    @Autowired ProposalService proposals;
    @Autowired CityRepository cities;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    @Test
    void shouldAcceptEachSubmissionBeforeTheCloseAndRefuseEachAfterItWithNoneLost() throws Exception {
        // given a published, open call whose deadline the secretariat has just extended to three seconds from now
        CallForProposals call = calls.create(draftClosingAt(clock.instant().plusSeconds(2)));
        calls.publish(call.getReference(), "sofia");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(call.getReference()).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
        Instant closesAt = clock.instant().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
        calls.extendDeadline(call.getReference(), closesAt, "Two cities lost power for a day.", "sofia");
        assertThat(calls.extensionsOf(call.getId())).singleElement().satisfies(e -> assertThat(e.newClosesAt()).isEqualTo(closesAt));
        assertThat(managementService.createJobQuery().processInstanceId(instance).activityId("Event_DeadlineReached").singleResult()
                .getDuedate().toInstant()).isEqualTo(closesAt);
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            City city = cities.save(ProposalFixtures.semarang(clock.instant()));
            ProposalDraft full = ProposalFixtures.semarangToyamaMobility(city.getId(), java.time.LocalDate.now(clock));
            drafts.add(proposals.createDraft(ProposalFixtures.inCall(full, call.getId(), full.thematicArea())).getReference());
        }

        // when each is submitted around the deadline (from 600 ms before to 600 ms after), while the call closes at the deadline
        ExecutorService threads = Executors.newFixedThreadPool(SUBMISSIONS + 1);
        ConcurrentHashMap<String, Object> outcomes = new ConcurrentHashMap<>();
        AtomicLong submittedWhenClosed = new AtomicLong(-1);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            String reference = drafts.get(i);
            Instant at = closesAt.minusMillis(600).plusMillis(1200L * i / (SUBMISSIONS - 1));
            running.add(threads.submit(() -> {
                sleepUntil(at);
                try {
                    outcomes.put(reference, proposals.submit(reference, "semarang"));
                } catch (CallNotOpenException refused) {
                    outcomes.put(reference, refused);
                }
                return null;
            }));
        }
        running.add(threads.submit(() -> {
            sleepUntil(closesAt);
            calls.close(call.getId());
            submittedWhenClosed.set(submittedCount(call.getId()));
            return null;
        }));
        for (Future<?> f : running) {
            f.get();
        }
        threads.shutdown();

        // then every submission has one outcome: accepted before the deadline, or refused as closed and still a draft
        assertThat(outcomes).hasSize(SUBMISSIONS);
        List<String> accepted = outcomes.entrySet().stream().filter(e -> e.getValue() instanceof Proposal).map(e -> e.getKey()).toList();
        List<String> refused = outcomes.entrySet().stream().filter(e -> e.getValue() instanceof CallNotOpenException).map(e -> e.getKey()).toList();
        assertThat(accepted).as("submissions well before the deadline").isNotEmpty();
        assertThat(refused).as("submissions well after the deadline").isNotEmpty();
        for (String reference : accepted) {
            Proposal stored = proposals.byReference(reference);
            assertThat(stored.getSubmittedAt()).as(reference).isBefore(closesAt);
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                    .processInstanceBusinessKey(reference).count()).as(reference + " has its process").isEqualTo(1);
        }
        for (String reference : refused) {
            CallNotOpenException reason = (CallNotOpenException) outcomes.get(reference);
            assertThat(reason.closed()).isTrue();
            assertThat(reason.instant()).isEqualTo(closesAt);
            Proposal stored = proposals.byReference(reference);
            assertThat(stored.getStatus().name()).as(reference).isEqualTo("DRAFT");
            assertThat(stored.getSubmittedAt()).isNull();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        }
        System.out.printf("Deadline race: %d accepted before the close, %d refused after it%n", accepted.size(), refused.size());
        // and the closing waited for every submission accepted before it: none committed after the close
        assertThat(submittedWhenClosed.get()).isEqualTo(accepted.size());
        assertThat(calls.byReference(call.getReference()).getClosedAt()).isNotNull();
    }

    private long submittedCount(Long callId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE call_id = ? AND status <> 'DRAFT'", Long.class, callId);
    }


    private CallDraft draftClosingAt(Instant closesAt) {
        return new CallDraft("2027-RACE", "Deadline race", "Submissions at the deadline.", CallMode.COMPETITIVE,
                EnumSet.allOf(ThematicArea.class), Set.of(), Set.of(), Set.of(), clock.instant().minus(Duration.ofDays(1)), closesAt,
                ZoneId.of("Asia/Jakarta"), new BigDecimal("10000000"), "EUR", new BigDecimal("150000"), new BigDecimal("0.8"), 6, 36, 2,
                Period.ofMonths(6));
    }

    private void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(clock.instant(), at).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
