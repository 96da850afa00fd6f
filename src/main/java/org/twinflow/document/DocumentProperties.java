package org.twinflow.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code twinflow.documents.*}: upload limits per file and per proposal. */
@ConfigurationProperties("twinflow.documents")
public record DocumentProperties(DataSize maxFileSize, DataSize maxTotalSize) {
}
