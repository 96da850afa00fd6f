package org.twinflow.proposal;

import static org.twinflow.process.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.springframework.stereotype.Component;
import org.twinflow.city.City;
import org.twinflow.process.ProposalProcess;

/**
 * Starts {@code partnership-proposal} for a submitted proposal, with the reference as business key. Its
 * variables are what staff forms and Tasklist's columns show; the eligibility decision reads its inputs
 * when it runs (EligibilityInputs), so no fact is copied into the process that could go stale.
 */
@Component
class ProposalProcessStarter {

    private final RuntimeService runtimeService;

    ProposalProcessStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    String start(Proposal proposal, City leadCity, CallGate.OpenCall call) {
        VariableMap variables = shownToStaff(proposal, leadCity)
                .putValue(CALL_REFERENCE, call.reference())
                .putValue(CALL_MODE, call.mode())
                .putValue(PROPOSAL_ID, proposal.getId())
                .putValue(PROPOSAL_REFERENCE, proposal.getReference())
                .putValue(LEAD_CITY, leadCity.getName());
        return runtimeService.createProcessInstanceByKey(ProposalProcess.PROCESS_KEY)
                .businessKey(proposal.getReference())
                .setVariables(variables)
                .execute()
                .getId();
    }

    /**
     * The proposal as the staff's forms and Tasklist's columns show it: the snapshot and the title. Set when the
     * process starts and again when a revised proposal arrives; built here only.
     */
    VariableMap shownToStaff(Proposal proposal, City leadCity) {
        return Variables.createVariables()
                .putValueTyped(PROPOSAL, Variables.objectValue(ProposalSnapshot.of(proposal, leadCity))
                        .serializationDataFormat(SerializationDataFormats.JSON).create())
                .putValue(PROPOSAL_TITLE, proposal.getTitle());
    }
}
