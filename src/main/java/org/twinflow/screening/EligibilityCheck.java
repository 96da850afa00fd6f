package org.twinflow.screening;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.EligibilityFacts;
import org.twinflow.proposal.ProposalService;
import org.twinflow.call.CallRules;
import org.twinflow.call.CallService;

/**
 * {@code Task_CheckEligibility}: gives the eligibility decision its inputs — the proposal's facts and the
 * call's rules — and hands its outcome, the reasons a proposal is not eligible, to the gateway that
 * follows. Inputs and outcome are transient variables: they exist only in the transaction that checks
 * eligibility, nothing is stored for them in the process, and the decision's own history records them.
 */
@Component("eligibilityCheck")
public class EligibilityCheck {

    /** Where the engine leaves the decision's result for the business rule task's end listeners. */
    static final String DECISION_RESULT = "decisionResult";

    private final ProposalService proposals;
    private final CallService calls;

    public EligibilityCheck(ProposalService proposals, CallService calls) {
        this.proposals = proposals;
        this.calls = calls;
    }

    /** Start listener: the decision's inputs. */
    public void provideInputs(DelegateExecution execution) {
        Long proposalId = (Long) execution.getVariable(PROPOSAL_ID);
        EligibilityFacts facts = proposals.eligibilityFactsOf(proposalId);
        CallRules call = calls.rulesOf(facts.callId());
        execution.setVariable(APPLICANT_TYPE, Variables.stringValue(facts.applicantType(), true));
        execution.setVariable(LEAD_COUNTRY, Variables.stringValue(facts.leadCountry(), true));
        // read only when the call targets SDGs: the decision asks for them only then
        execution.setVariable(PROPOSAL_SDGS, transientList(call.sdgs().isEmpty() ? List.of() : proposals.sdgsOf(proposalId)));
        execution.setVariable(FOREIGN_PARTNER_COUNT, Variables.integerValue(facts.foreignPartnerCount(), true));
        execution.setVariable(THEMATIC_AREA, Variables.stringValue(facts.thematicArea(), true));
        execution.setVariable(SDG_COUNT, Variables.integerValue(facts.sdgCount(), true));
        execution.setVariable(DURATION_MONTHS, Variables.integerValue(facts.durationMonths(), true));
        execution.setVariable(REQUESTED_AMOUNT, Variables.doubleValue(
                facts.requestedAmount() == null ? null : facts.requestedAmount().doubleValue(), true));
        execution.setVariable(FUNDING_SHARE, Variables.doubleValue(facts.fundingShare(), true));
        execution.setVariable(CALL_MIN_DURATION_MONTHS, Variables.integerValue(call.minDurationMonths(), true));
        execution.setVariable(CALL_MAX_DURATION_MONTHS, Variables.integerValue(call.maxDurationMonths(), true));
        execution.setVariable(CALL_MAX_REQUESTED_AMOUNT, Variables.doubleValue(call.maxRequestedAmount().doubleValue(), true));
        execution.setVariable(CALL_MAX_FUNDING_SHARE, Variables.doubleValue(call.maxFundingShare().doubleValue(), true));
        execution.setVariable(CALL_THEMATIC_AREAS, transientList(call.thematicAreas().stream().map(Enum::name).toList()));
        execution.setVariable(CALL_LEAD_COUNTRIES, transientList(List.copyOf(call.leadCountries())));
        execution.setVariable(CALL_SDGS, transientList(List.copyOf(call.sdgs())));
    }

    private static Object transientList(List<?> values) {
        return Variables.objectValue(new java.util.ArrayList<>(values), true).create();
    }

    /** End listener: the reasons the decision found (none for an eligible proposal), for the gateway and Task_RecordIneligibility. */
    public void takeOutcome(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT);
        List<String> reasons = result == null ? List.of() : result.collectEntries("reason");
        execution.setVariable(ELIGIBILITY_REASONS, Variables.objectValue(List.copyOf(reasons), true).create());
    }
}
