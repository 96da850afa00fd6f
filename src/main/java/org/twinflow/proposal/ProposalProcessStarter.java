package org.twinflow.proposal;

import static org.twinflow.proposal.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.springframework.stereotype.Component;
import org.twinflow.city.City;
import org.twinflow.system.CallProperties;
import org.twinflow.system.EngineText;

/**
 * Starts {@code partnership-proposal} for a submitted proposal, with the reference as business key
 * and the facts the eligibility decision needs.
 */
@Component
class ProposalProcessStarter {

    private final RuntimeService runtimeService;
    private final CallProperties call;
    private final EngineText engineText;

    ProposalProcessStarter(RuntimeService runtimeService, CallProperties call, EngineText engineText) {
        this.runtimeService = runtimeService;
        this.call = call;
        this.engineText = engineText;
    }

    String start(Proposal proposal, City leadCity) {
        VariableMap variables = Variables.createVariables()
                .putValue(PROPOSAL_ID, proposal.getId())
                .putValueTyped(PROPOSAL, Variables.objectValue(ProposalSnapshot.of(proposal, leadCity))
                        .serializationDataFormat(SerializationDataFormats.JSON).create())
                .putValue(PROPOSAL_REFERENCE, proposal.getReference())
                .putValue(PROPOSAL_TITLE, engineText.fit(proposal.getTitle(), 300))
                .putValue(LEAD_CITY, engineText.fit(leadCity.getName(), 200))
                .putValue(APPLICANT_TYPE, leadCity.getGovernmentType().name())
                .putValue(FOREIGN_PARTNER_COUNT, (int) proposal.foreignPartnerCount(leadCity.getCountryCode()))
                .putValue(THEMATIC_AREA, proposal.getThematicArea() == null ? null : proposal.getThematicArea().name())
                .putValue(SDG_COUNT, proposal.sdgNumbers().size())
                .putValue(DURATION_MONTHS, proposal.getDurationMonths())
                .putValue(REQUESTED_AMOUNT, proposal.getRequestedAmount() == null ? null : proposal.getRequestedAmount().doubleValue())
                .putValue(FUNDING_SHARE, proposal.fundingShare())
                .putValue(CALL_MIN_DURATION_MONTHS, call.minDurationMonths())
                .putValue(CALL_MAX_DURATION_MONTHS, call.maxDurationMonths())
                .putValue(CALL_MAX_REQUESTED_AMOUNT, call.maxRequestedAmount().doubleValue())
                .putValue(CALL_MAX_FUNDING_SHARE, call.maxFundingShare().doubleValue());
        return runtimeService.createProcessInstanceByKey(ProposalProcess.PROCESS_KEY)
                .businessKey(proposal.getReference())
                .setVariables(variables)
                .execute()
                .getId();
    }
}
