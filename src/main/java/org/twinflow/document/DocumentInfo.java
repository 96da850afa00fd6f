package org.twinflow.document;

import java.time.Instant;

/** A stored document without its content, for lists. */
public record DocumentInfo(Long id, Long proposalId, DocumentKind kind, String fileName, long sizeBytes, String uploadedBy,
        Instant uploadedAt) {
}
