package org.twinflow.system.history;

import java.util.Set;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Camunda's full history without what nobody reads, measured in docs/performance.md ("History"):
 * <ul>
 * <li>no variable update details ({@code ACT_HI_DETAIL}): one row per change of every variable, shown
 *     nowhere in Tasklist or Cockpit CE; the variables' last values stay in {@code ACT_HI_VARINST};</li>
 * <li>no history of the variables that only carry a copy of what Twinflow's own tables hold
 *     ({@link #COPIES}): the proposal's id, reference, title, lead city and snapshot, the screening's question and note;</li>
 * <li>no job log of jobs that were created and succeeded: a failure, its retries and an incident are
 *     still logged, which is what an administrator looks for.</li>
 * </ul>
 * Everything else full history records stays: activity, task and process instances, the user operation
 * log, identity links, incidents, decision evaluations with their inputs and outputs.
 * <p>
 * It keeps the id and name of "full" (3), so a database written at full history needs no change, and
 * going back to Camunda's own full level is a configuration change.
 */
public class LeanFullHistoryLevel extends HistoryLevelFull {

    /** Variables whose history would only repeat Twinflow's tables (the clarification question and a screening note are stored there too). */
    static final Set<String> COPIES = Set.of("proposalId", "proposalReference", "proposalTitle", "leadCity", "proposal",
            "clarificationQuestion", "screeningNote");

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
            return false;
        }
        if (eventType == HistoryEventTypes.JOB_CREATE || eventType == HistoryEventTypes.JOB_SUCCESS) {
            return false;
        }
        if (entity instanceof VariableInstance variable && COPIES.contains(variable.getName())
                && (eventType == HistoryEventTypes.VARIABLE_INSTANCE_CREATE || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE
                        || eventType == HistoryEventTypes.VARIABLE_INSTANCE_DELETE || eventType == HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE)) {
            return false;
        }
        return true;
    }
}
