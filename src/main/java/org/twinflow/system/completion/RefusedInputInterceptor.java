package org.twinflow.system.completion;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets a listener's refusal of the staff member's input ({@code TaskInput.TaskInputException}, a
 * {@link FormFieldValidationException}) leave the engine as itself. The engine wraps every exception
 * from a task listener in a plain {@link ProcessEngineException} ("ENGINE-03051 There was an exception
 * while invoking the TaskListener"), which Camunda's REST API answers with 500; a
 * {@link FormFieldValidationException} it answers with 400 and the message.
 */
class RefusedInputInterceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (ProcessEngineException failure) {
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof FormFieldValidationException refusal) {
                    throw refusal;
                }
            }
            throw failure;
        }
    }
}
