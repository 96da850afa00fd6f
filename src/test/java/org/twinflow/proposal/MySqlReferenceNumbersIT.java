package org.twinflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.CallFixtures;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.call.CallService;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;

/**
 * Sixteen cities submitting at the same moment as the first of a new year, on the MySQL-compatible
 * server: each gets its own reference, and none a deadlock (which they did when a submission created
 * the year's counter row itself).
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlReferenceNumbersIT {

    static final int CITIES = 16;

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, "itrefadmin", "it-admin-" + Long.toHexString(System.nanoTime()));
    }

    @Autowired ProposalService proposals;
    @Autowired ReferenceGenerator references;
    @Autowired CityRepository cities;
    @Autowired Clock clock;
    @Autowired CallService calls;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldNumberSimultaneousFirstSubmissionsOfANewYearWithoutADeadlock() throws Exception {
        // given the night before 1 January 2031, when the counters of the coming year are made
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2030-12-31T00:10:00Z")));
        references.ensureCountersOfThisYearAndNext();
        // and a call open over the new year (the first call closes at the end of 2030)
        calls.create(CallFixtures.climateCall("NY-2031", Instant.parse("2030-12-01T00:00:00Z"), Duration.ofDays(60)));
        Long callId = calls.publish("NY-2031", "sofia").getId();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2031-01-01T08:00:00Z")));
        List<City> leads = new ArrayList<>();
        for (int i = 0; i < CITIES; i++) {
            leads.add(cities.save(ProposalFixtures.semarang(clock.instant())));
        }

        // when sixteen cities submit at the same moment
        ExecutorService threads = Executors.newFixedThreadPool(CITIES);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Proposal>> submissions = new ArrayList<>();
        for (City lead : leads) {
            submissions.add(threads.submit(() -> {
                start.await();
                return proposals.submitNew(ProposalFixtures.inCall(ProposalFixtures.semarangToyamaMobility(lead.getId(), LocalDate.of(2031, 1, 1)),
                        callId, ThematicArea.CLIMATE_DRR),
                        "newyear");
            }));
        }
        start.countDown();
        List<String> numbers = new ArrayList<>();
        for (Future<Proposal> submission : submissions) {
            numbers.add(submission.get(60, TimeUnit.SECONDS).getReference());
        }
        threads.shutdown();

        // then each has its own number of the new year, from 1 to 16
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, CITIES).mapToObj(n -> "TW-2031-%04d".formatted(n)).toList());
    }

}
