package org.twinflow.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code twinflow.demo.*}: the password every demo account gets. Only read in the demo profile. */
@ConfigurationProperties("twinflow.demo")
public record DemoProperties(String password) {
}
