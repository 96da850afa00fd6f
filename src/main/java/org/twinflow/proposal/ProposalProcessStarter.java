package org.twinflow.proposal;

import static org.twinflow.process.ProposalProcess.Vars.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.springframework.stereotype.Component;
import org.twinflow.city.City;
import org.twinflow.process.ProposalProcess;
import org.twinflow.system.EngineText;

/**
 * Starts {@code partnership-proposal} for a submitted proposal, with the reference as business key. Its
 * variables are what staff forms and Tasklist's columns show; the eligibility decision reads its inputs
 * when it runs (EligibilityInputs), so no fact is copied into the process that could go stale.
 */
@Component
class ProposalProcessStarter {

    private final RuntimeService runtimeService;
    private final EngineText engineText;

    ProposalProcessStarter(RuntimeService runtimeService, EngineText engineText) {
        this.runtimeService = runtimeService;
        this.engineText = engineText;
    }

    String start(Proposal proposal, City leadCity) {
        VariableMap variables = Variables.createVariables()
                .putValue(PROPOSAL_ID, proposal.getId())
                .putValueTyped(PROPOSAL, Variables.objectValue(ProposalSnapshot.of(proposal, leadCity))
                        .serializationDataFormat(SerializationDataFormats.JSON).create())
                .putValue(PROPOSAL_REFERENCE, proposal.getReference())
                .putValue(PROPOSAL_TITLE, engineText.fit(proposal.getTitle(), 300))
                .putValue(LEAD_CITY, engineText.fit(leadCity.getName(), 200));
        return runtimeService.createProcessInstanceByKey(ProposalProcess.PROCESS_KEY)
                .businessKey(proposal.getReference())
                .setVariables(variables)
                .execute()
                .getId();
    }
}
