package org.twinflow.call;

import static org.twinflow.process.CallProcess.Vars.*;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.twinflow.process.CallProcess;

/** Starts and informs a call's {@code call-for-proposals} instance; business key = the call's reference. */
@Component
class CallProcessStarter {

    private final RuntimeService runtimeService;

    CallProcessStarter(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    void start(CallForProposals call) {
        runtimeService.createProcessInstanceByKey(CallProcess.PROCESS_KEY)
                .businessKey(call.getReference())
                .setVariables(Variables.createVariables()
                        .putValue(CALL_ID, call.getId())
                        .putValue(CALL_REFERENCE, call.getReference())
                        .putValue(CALL_TITLE, call.getTitle())
                        .putValue(CALL_MODE, call.getMode().name())
                        .putValue(OPENS_AT, Date.from(call.getOpensAt()))
                        .putValue(CLOSES_AT, Date.from(call.getClosesAt())))
                .execute();
    }

    boolean isRunning(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(CallProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count() > 0;
    }

    /** Tells the call's instance its new deadline, which re-arms its closing and reminder timers. */
    void deadlineExtended(CallForProposals call) {
        runtimeService.createMessageCorrelation(CallProcess.Messages.DEADLINE_EXTENDED)
                .processInstanceBusinessKey(call.getReference())
                .setVariable(CLOSES_AT, Date.from(call.getClosesAt()))
                .correlateAll();
    }
}
