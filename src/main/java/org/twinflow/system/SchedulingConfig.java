package org.twinflow.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the application's {@code @Scheduled} housekeeping (purges, digests); each job can be switched off by its own property. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
