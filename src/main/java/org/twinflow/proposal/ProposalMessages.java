package org.twinflow.proposal;

import java.util.Map;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Delivers an applicant's action to the waiting process instance, correlated by the proposal reference. */
@Component
public class ProposalMessages {

    private final RuntimeService runtimeService;

    public ProposalMessages(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * @throws ActionNotAwaitedException when no instance of this proposal waits for the message, or another
     *         request delivered one to it at the same moment (the engine's optimistic lock); the caller's
     *         transaction then rolls back, so nothing is half-stored
     */
    public void deliver(String reference, String messageName, Map<String, Object> variables) {
        try {
            runtimeService.createMessageCorrelation(messageName)
                    .processInstanceBusinessKey(reference)
                    .setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException notWaiting) {
            throw new ActionNotAwaitedException(reference, messageName);
        }
    }
}
