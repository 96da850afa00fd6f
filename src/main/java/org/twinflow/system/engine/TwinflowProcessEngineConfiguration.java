package org.twinflow.system.engine;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camunda's Spring configuration, whose MyBatis mappings get Twinflow's checked patches while the engine
 * builds its SQL session factory ({@link TaskQueryAuthorizationPatch}, {@link VariableQueryAuthorizationPatch}). Nothing else differs.
 */
public class TwinflowProcessEngineConfiguration extends SpringProcessEngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TwinflowProcessEngineConfiguration.class);

    static final List<MappingPatch> PATCHES = List.of(TaskQueryAuthorizationPatch.PATCH, VariableQueryAuthorizationPatch.PATCH);

    @Override
    protected void initSqlSessionFactory() {
        if (sqlSessionFactory != null) {
            super.initSqlSessionFactory();
            return;
        }
        ClassLoader engineClasses = ProcessEngineConfigurationImpl.class.getClassLoader();
        Map<String, String> patched = new java.util.HashMap<>();
        for (MappingPatch patch : PATCHES) {
            patched.put(patch.resource(), patch.apply(engineClasses));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(new PatchedMappingsClassLoader(previous != null ? previous : engineClasses, patched));
        try {
            super.initSqlSessionFactory();
        } finally {
            thread.setContextClassLoader(previous);
        }
        log.info("Engine mappings patched: {}", patched.keySet());
    }
}
