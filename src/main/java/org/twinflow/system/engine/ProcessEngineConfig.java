package org.twinflow.system.engine;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine configuration the Camunda starter would create ({@code CamundaBpmConfiguration}, which backs
 * off when this bean exists), as {@link TwinflowProcessEngineConfiguration}: the same custom fields and all
 * process engine plugins of the context; the starter's property-driven configurators still apply.
 */
@Configuration(proxyBeanMethods = false)
class ProcessEngineConfig {

    @Bean
    ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
        TwinflowProcessEngineConfiguration configuration = new TwinflowProcessEngineConfiguration();
        CamundaSpringBootUtil.initCustomFields(configuration);
        configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
        return configuration;
    }
}
