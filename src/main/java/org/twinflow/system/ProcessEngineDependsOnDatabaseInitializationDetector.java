package org.twinflow.system;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Flyway. Flyway refuses a non-empty schema without its history
 * table, so if Camunda created its tables first, the first start on a fresh database would fail.
 * Registered in {@code META-INF/spring.factories}.
 */
public class ProcessEngineDependsOnDatabaseInitializationDetector implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        return Arrays.stream(beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false))
                .map(BeanFactoryUtils::transformedBeanName)
                .collect(Collectors.toSet());
    }
}
