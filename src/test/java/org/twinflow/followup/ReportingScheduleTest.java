package org.twinflow.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.twinflow.followup.ReportingSchedule.PlannedPeriod;

class ReportingScheduleTest {

    private final ReportingSchedule everySixMonths = new ReportingSchedule(Period.ofMonths(6), Duration.ofDays(30));

    @Test
    void shouldPlanAProgressReportPerIntervalThatEndsBeforeTheProjectAndAFinalReport() {
        // given an 18-month project
        LocalDate start = LocalDate.of(2027, 3, 1);

        // when reporting is planned
        List<PlannedPeriod> plan = everySixMonths.plan(start, start.plusMonths(18));

        // then two progress reports and the final report, each due 30 days after its period
        assertThat(plan).containsExactly(
                new PlannedPeriod(ReportKind.PROGRESS, 1, start, LocalDate.of(2027, 9, 1), LocalDate.of(2027, 10, 1)),
                new PlannedPeriod(ReportKind.PROGRESS, 2, LocalDate.of(2027, 9, 1), LocalDate.of(2028, 3, 1), LocalDate.of(2028, 3, 31)),
                new PlannedPeriod(ReportKind.FINAL, 1, start, LocalDate.of(2028, 9, 1), LocalDate.of(2028, 10, 1)));
    }

    @Test
    void shouldPlanOnlyTheFinalReportForAProjectShorterThanOneInterval() {
        LocalDate start = LocalDate.of(2027, 1, 1);

        List<PlannedPeriod> plan = everySixMonths.plan(start, start.plusMonths(6));

        assertThat(plan).extracting(PlannedPeriod::kind).containsExactly(ReportKind.FINAL);
    }

    @Test
    void shouldRefuseAProjectThatEndsBeforeItStarts() {
        LocalDate start = LocalDate.of(2027, 1, 1);

        assertThatThrownBy(() -> everySixMonths.plan(start, start.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must end after it starts");
    }
}
