package org.twinflow.system.history;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Makes {@code camunda.bpm.history-level: full} mean {@link LeanFullHistoryLevel}. Off with
 * {@code twinflow.history.lean=false}, which gives Camunda's own full history (same level id, so the
 * database accepts either).
 */
@Component
@ConditionalOnProperty(name = "twinflow.history.lean", havingValue = "true", matchIfMissing = true)
class HistoryLevelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // The engine picks the last level whose name matches the configured one, and custom levels come last.
        List<HistoryLevel> custom = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            custom.addAll(configuration.getCustomHistoryLevels());
        }
        custom.add(new LeanFullHistoryLevel());
        configuration.setCustomHistoryLevels(custom);
    }
}
