package org.twinflow.screening;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.twinflow.proposal.EligibilityFacts;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.CallProperties;

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
    private final CallProperties call;

    public EligibilityCheck(ProposalService proposals, CallProperties call) {
        this.proposals = proposals;
        this.call = call;
    }

    /** Start listener: the decision's inputs. */
    public void provideInputs(DelegateExecution execution) {
        EligibilityFacts facts = proposals.eligibilityFactsOf((Long) execution.getVariable(PROPOSAL_ID));
        execution.setVariable(APPLICANT_TYPE, Variables.stringValue(facts.applicantType(), true));
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
    }

    /** End listener: the reasons the decision found (none for an eligible proposal), for the gateway and Task_RecordIneligibility. */
    public void takeOutcome(DelegateExecution execution) {
        DmnDecisionResult result = (DmnDecisionResult) execution.getVariableLocal(DECISION_RESULT);
        List<String> reasons = result == null ? List.of() : result.collectEntries("reason");
        execution.setVariable(ELIGIBILITY_REASONS, Variables.objectValue(List.copyOf(reasons), true).create());
    }
}
