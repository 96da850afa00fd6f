package org.twinflow.system.engine;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;

/** The SQL the engine prepares on this thread while an action runs, white space collapsed; inert otherwise. */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = { Connection.class, Integer.class }))
final class SqlCapture implements Interceptor {

    private static final ThreadLocal<List<String>> CAPTURED = new ThreadLocal<>();

    private SqlCapture() {
    }

    /** Adds the capture to the engine's MyBatis configuration once (MyBatis applies interceptors to each new session). */
    static SqlCapture on(ProcessEngine engine) {
        Configuration configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getSqlSessionFactory().getConfiguration();
        synchronized (configuration) {
            for (Interceptor interceptor : configuration.getInterceptors()) {
                if (interceptor instanceof SqlCapture capture) {
                    return capture;
                }
            }
            SqlCapture capture = new SqlCapture();
            configuration.addInterceptor(capture);
            return capture;
        }
    }

    /** The statements prepared while {@code action} ran. */
    List<String> during(Supplier<?> action) {
        List<String> statements = new ArrayList<>();
        CAPTURED.set(statements);
        try {
            action.get();
        } finally {
            CAPTURED.remove();
        }
        return statements;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        List<String> statements = CAPTURED.get();
        if (statements != null) {
            statements.add(((StatementHandler) invocation.getTarget()).getBoundSql().getSql().replaceAll("\\s+", " ").trim());
        }
        return invocation.proceed();
    }
}
