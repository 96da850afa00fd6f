package org.twinflow.system.completion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Makes two completions of the same task take turns: the first thing a completion does in its
 * transaction is to lock the task's row, so a second one waits until the first has committed and then
 * finds no task ("Cannot find task", which {@link AlreadyCompletedInterceptor} answers). Without it both
 * run every listener and meet only when they write: on MariaDB one of them then dies in a deadlock,
 * possibly before the other has committed, so it cannot even tell that the task was completed.
 * Completions of different tasks (two reviewers of one proposal) are not affected.
 */
class TaskRowLockInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        String taskId = TaskCommands.taskIdOf(command);
        if (taskId != null) {
            lock(Context.getCommandContext(), taskId);
        }
        return next.execute(command);
    }

    private static void lock(CommandContext context, String taskId) {
        String table = context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_TASK";
        // The engine's own connection, so the lock belongs to the completion's transaction.
        Connection connection = context.getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement select = connection.prepareStatement("SELECT ID_ FROM " + table + " WHERE ID_ = ? FOR UPDATE")) {
            select.setString(1, taskId);
            try (ResultSet ignored = select.executeQuery()) {
                // held until commit or rollback; a task that is gone is the command's to report
            }
        } catch (SQLException failed) {
            throw new ProcessEngineException("Cannot lock task " + taskId + " for its completion: " + failed.getMessage(), failed);
        }
    }
}
