package org.twinflow.bench;

import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The floor for a submission: Camunda 7 alone, in the same JVM, on its own database on the same server, with the
 * application's history level, id generator and pool, starting a minimal process whose only wait is one user task
 * for a candidate group. Everything else is Camunda's default (no authorization checks, no listeners, no job).
 */
final class BareEngineBaseline implements AutoCloseable {

    static final String PROCESS_KEY = "bench-minimal";

    private final HikariDataSource pool;
    private final ProcessEngine engine;
    private final AtomicLong businessKeys = new AtomicLong();

    BareEngineBaseline(TwinflowUnderTest app, BenchDatabase database, String databaseName) {
        this.pool = BaselinePool.like(app.hikari(), database, databaseName, "bench-bare-engine");
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bench-bare-engine");
        configuration.setDataSource(pool);
        configuration.setDatabaseType("mysql");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory(app.engine().getProcessEngineConfiguration().getHistory());
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        this.engine = configuration.buildProcessEngine();
        BpmnModelInstance minimal = Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(180)
                .startEvent().userTask("Task_Minimal").camundaCandidateGroups("secretariat").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance(PROCESS_KEY + ".bpmn", minimal).deploy();
    }

    ConcurrentRun.Outcome run(int threads, int startsPerThread) {
        RuntimeService runtime = engine.getRuntimeService();
        return ConcurrentRun.run(threads, startsPerThread,
                (thread, i) -> runtime.startProcessInstanceByKey(PROCESS_KEY, "BARE-" + businessKeys.incrementAndGet()));
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
