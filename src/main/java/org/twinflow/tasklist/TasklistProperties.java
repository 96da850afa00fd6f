package org.twinflow.tasklist;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code twinflow.tasklist.*}: a staff task's follow-up date comes this long before its due date. */
@ConfigurationProperties("twinflow.tasklist")
public record TasklistProperties(Duration followUpBeforeDue) {

    public TasklistProperties {
        followUpBeforeDue = followUpBeforeDue == null ? Duration.ofDays(2) : followUpBeforeDue;
    }
}
