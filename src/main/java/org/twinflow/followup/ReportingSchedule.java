package org.twinflow.followup;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The reporting periods of a partnership: a progress report at the end of every reporting interval
 * that ends before the project does, and a final report for the whole project. Each report is due
 * a submission window after its period ends.
 */
record ReportingSchedule(Period interval, Duration submissionWindow) {

    record PlannedPeriod(ReportKind kind, int number, LocalDate start, LocalDate end, LocalDate due) {
    }

    List<PlannedPeriod> plan(LocalDate projectStart, LocalDate projectEnd) {
        if (!projectEnd.isAfter(projectStart)) {
            throw new IllegalArgumentException("The project must end after it starts: " + projectStart + " – " + projectEnd);
        }
        List<PlannedPeriod> periods = new ArrayList<>();
        LocalDate periodStart = projectStart;
        for (int n = 1; ; n++) {
            LocalDate periodEnd = projectStart.plus(interval.multipliedBy(n));
            if (!periodEnd.isBefore(projectEnd)) {
                break;
            }
            periods.add(new PlannedPeriod(ReportKind.PROGRESS, n, periodStart, periodEnd, due(periodEnd)));
            periodStart = periodEnd;
        }
        periods.add(new PlannedPeriod(ReportKind.FINAL, 1, projectStart, projectEnd, due(projectEnd)));
        return periods;
    }

    private LocalDate due(LocalDate periodEnd) {
        return periodEnd.plusDays(submissionWindow.toDays());
    }
}
