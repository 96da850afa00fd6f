package org.twinflow.document;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A file somebody chose to upload: its name, its size as announced by the upload, and a way to read it.
 * {@link DocumentService} refuses it by size before reading it, so a 90 MB scan is never held in memory.
 */
public record Upload(String fileName, long sizeBytes, Content content) {

    /** Reads the uploaded bytes (from memory or the container's temporary file). */
    @FunctionalInterface
    public interface Content {
        byte[] read() throws IOException;
    }

    /** An upload already in memory (demo data, imports, tests). */
    public static Upload of(String fileName, byte[] bytes) {
        return new Upload(fileName, bytes == null ? 0 : bytes.length, () -> bytes);
    }

    byte[] bytes() {
        try {
            return content.read();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
