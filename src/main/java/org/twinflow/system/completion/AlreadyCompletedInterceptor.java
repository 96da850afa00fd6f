package org.twinflow.system.completion;

import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.twinflow.system.DisplayDates;

/**
 * Answers a completion that failed because someone else completed the task first with
 * {@link TaskAlreadyCompletedException}: by whom and when if the caller may read the task's history,
 * else only that it was completed. Whatever the failure was ("Cannot find task", or a conflict in the
 * database), it is only translated when the task is no longer open and its history says it was
 * completed; any other failure passes unchanged, so a conflict between completions of two different
 * tasks still shows as what it is.
 */
class AlreadyCompletedInterceptor extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    AlreadyCompletedInterceptor(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        String taskId = TaskCommands.taskIdOf(command);
        try {
            return next.execute(command);
        } catch (RuntimeException failure) {
            if (taskId != null && completedElsewhere(taskId)) {
                throw new TaskAlreadyCompletedException(describe(taskId), failure);
            }
            throw failure;
        }
    }

    /** The task is gone from the runtime and its history says "completed", whoever may see it. */
    private boolean completedElsewhere(String taskId) {
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            TaskEntity open = context.getTaskManager().findTaskById(taskId);
            HistoricTaskInstanceEntity history = context.getHistoricTaskInstanceManager().findHistoricTaskInstanceById(taskId);
            return open == null && history != null && TaskEntity.DELETE_REASON_COMPLETED.equals(history.getDeleteReason());
        });
    }

    /** Through the history service, so that the caller's authorizations decide what is told. */
    private String describe(String taskId) {
        HistoryService history = configuration.getHistoryService();
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null) {
            return "This task was already completed.";
        }
        String completedBy = history.createUserOperationLogQuery().taskId(taskId)
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE).list().stream()
                .map(UserOperationLogEntry::getUserId).filter(Objects::nonNull).findFirst().orElse(task.getAssignee());
        return "This task was already completed" + (completedBy == null ? "" : " by " + completedBy)
                + " on " + DisplayDates.dateTime(task.getEndTime().toInstant()) + ".";
    }
}
