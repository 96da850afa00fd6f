package org.twinflow.followup;

import java.util.List;

/** What the applicant writes into a progress or final report. */
public record ReportSubmission(String narrative, String activitiesDone, Integer participantsWomen, Integer participantsMen,
        Integer participantsOther, List<IndicatorValue> indicatorValues) {

    public ReportSubmission {
        indicatorValues = indicatorValues == null ? List.of() : List.copyOf(indicatorValues);
    }
}
