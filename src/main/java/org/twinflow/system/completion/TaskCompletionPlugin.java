package org.twinflow.system.completion;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * How completing a staff task answers through the REST API that Tasklist calls: a refusal of the staff
 * member's input is a 400 with its message, not a 500; a task completed meanwhile by someone else is
 * a 409 "already completed", also when two completions arrive at the same moment. See
 * docs/decisions.md, "Completing a staff task".
 */
@Component
public class TaskCompletionPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Before the transaction interceptor: these see the failure after the rollback, whatever threw it.
        configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired(),
                new RefusedInputInterceptor(), new AlreadyCompletedInterceptor(configuration)));
        // Inside the transaction, before the command reads anything.
        configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired(),
                new TaskRowLockInterceptor()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> configured, CommandInterceptor... added) {
        List<CommandInterceptor> interceptors = configured == null ? new ArrayList<>() : new ArrayList<>(configured);
        interceptors.addAll(List.of(added));
        return interceptors;
    }
}
