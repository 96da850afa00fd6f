package org.twinflow.system.completion;

import java.lang.reflect.Field;

import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The two commands that complete a task: {@code TaskService.complete} (REST {@code /task/{id}/complete})
 * and {@code FormService.submitTaskForm} (REST {@code /task/{id}/submit-form}, which Tasklist calls).
 */
final class TaskCommands {

    // Camunda 7.24 offers no getter for the task id of either command.
    private static final Field COMPLETE_TASK_ID = taskIdField(CompleteTaskCmd.class);
    private static final Field SUBMIT_TASK_ID = taskIdField(SubmitTaskFormCmd.class);

    private TaskCommands() {
    }

    /** The id of the task the command completes, or null for any other command. */
    static String taskIdOf(Command<?> command) {
        if (command instanceof CompleteTaskCmd) {
            return read(COMPLETE_TASK_ID, command);
        }
        if (command instanceof SubmitTaskFormCmd) {
            return read(SUBMIT_TASK_ID, command);
        }
        return null;
    }

    private static Field taskIdField(Class<?> commandClass) {
        try {
            Field field = commandClass.getDeclaredField("taskId");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException changedByAnUpgrade) {
            throw new IllegalStateException(commandClass.getName() + " has no field taskId any more (Camunda upgrade?)", changedByAnUpgrade);
        }
    }

    private static String read(Field field, Command<?> command) {
        try {
            return (String) field.get(command);
        } catch (IllegalAccessException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
