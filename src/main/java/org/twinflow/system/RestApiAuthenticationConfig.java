package org.twinflow.system;

import jakarta.servlet.DispatcherType;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API ({@code /engine-rest}) is open by default in Camunda 7. This filter requires HTTP Basic
 * against Camunda's identity service and sets the authenticated user on the engine for each request,
 * so that authorization checks apply to REST calls as they do in Tasklist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "twinflow.rest.authentication-enabled", havingValue = "true", matchIfMissing = true)
class RestApiAuthenticationConfig {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthenticationFilter() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
