package org.twinflow.screening;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RecordIneligibility}: closes an ineligible proposal with the reasons of the eligibility
 * decision, or {@code SCREENED_INELIGIBLE} when the secretariat found it ineligible in screening.
 */
@Component
class RecordIneligibilityDelegate implements JavaDelegate {

    static final String SCREENED_INELIGIBLE = "SCREENED_INELIGIBLE";

    private final ScreeningService screening;

    RecordIneligibilityDelegate(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<String> reasons = (List<String>) execution.getVariable(ELIGIBILITY_REASONS);
        screening.recordIneligibility((Long) execution.getVariable(PROPOSAL_ID),
                reasons == null || reasons.isEmpty() ? List.of(SCREENED_INELIGIBLE) : reasons);
    }
}
