package org.twinflow.portal.form;

import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Which of the servlet container's multipart limits refused a request, told apart by the exception
 * Tomcat's upload parser threw (found by class name in the cause chain: Spring wraps it, and its
 * package is Tomcat's internal copy of Commons FileUpload).
 */
enum UploadLimit {

    /** More parts (fields and files) than {@code server.tomcat.max-part-count}. */
    PART_COUNT("upload.refused.partCount") {
        @Override
        Object[] arguments(Environment environment) {
            return new Object[] {environment.getProperty("server.tomcat.max-part-count", "50")};
        }
    },
    /** A part's headers (with the file name) longer than {@code server.tomcat.max-part-header-size}. */
    PART_HEADER_SIZE("upload.refused.partHeaderSize") {
        @Override
        Object[] arguments(Environment environment) {
            return new Object[] {Math.max(1, size(environment, "server.tomcat.max-part-header-size", "512B").toKilobytes())};
        }
    },
    /** One file larger than {@code spring.servlet.multipart.max-file-size}. */
    FILE_SIZE("upload.refused.fileSize") {
        @Override
        Object[] arguments(Environment environment) {
            return new Object[] {size(environment, "spring.servlet.multipart.max-file-size", "1MB").toMegabytes(),
                    size(environment, "twinflow.documents.max-file-size", "10MB").toMegabytes()};
        }
    },
    /** The whole request larger than {@code spring.servlet.multipart.max-request-size}. */
    REQUEST_SIZE("upload.refused.requestSize") {
        @Override
        Object[] arguments(Environment environment) {
            return new Object[] {size(environment, "spring.servlet.multipart.max-request-size", "10MB").toMegabytes(),
                    size(environment, "twinflow.documents.max-total-size", "40MB").toMegabytes()};
        }
    },
    /** Anything else: a request cut short or malformed on its way. */
    UNREADABLE("upload.refused.unreadable") {
        @Override
        Object[] arguments(Environment environment) {
            return new Object[0];
        }
    };

    private final String messageKey;

    UploadLimit(String messageKey) {
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }

    abstract Object[] arguments(Environment environment);

    static UploadLimit reachedBy(Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            switch (cause.getClass().getSimpleName()) {
                case "FileCountLimitExceededException":
                    return PART_COUNT;
                case "FileSizeLimitExceededException":
                    return FILE_SIZE;
                case "SizeLimitExceededException":
                    // Tomcat reports an over-long part header with the same exception as an over-large request.
                    return String.valueOf(cause.getMessage()).startsWith("Header section") ? PART_HEADER_SIZE : REQUEST_SIZE;
                default:
                    break;
            }
        }
        return UNREADABLE;
    }

    private static DataSize size(Environment environment, String property, String fallback) {
        return DataSize.parse(environment.getProperty(property, fallback));
    }
}
