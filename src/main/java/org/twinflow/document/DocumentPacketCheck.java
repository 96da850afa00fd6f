package org.twinflow.document;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Tells at start-up when the MySQL or MariaDB server cannot take a document of the largest size Twinflow accepts. Each
 * document is one row, sent as one statement in which the content is a hexadecimal literal: MySQL Connector/J writes it
 * so in an upload, and a {@code --hex-blob} dump in a restore (docs/operations.md). The server refuses a statement above
 * its {@code max_allowed_packet}, so a file needs twice its size plus room for the rest of the statement; on MariaDB's
 * default of 16 MB a 10 MB PDF can be neither uploaded nor restored.
 */
@Component
class DocumentPacketCheck {

    private static final Logger log = LoggerFactory.getLogger(DocumentPacketCheck.class);
    /** Room for the statement around the content: columns, file name, quoting. */
    static final DataSize STATEMENT_ROOM = DataSize.ofMegabytes(1);

    private final DataSource dataSource;
    private final DocumentProperties limits;

    DocumentPacketCheck(DataSource dataSource, DocumentProperties limits) {
        this.dataSource = dataSource;
        this.limits = limits;
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkServer() {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (!product.contains("mysql") && !product.contains("mariadb")) {
                return;
            }
        } catch (SQLException unknown) {
            log.warn("Cannot read the database server's max_allowed_packet ({})", unknown.getMessage());
            return;
        }
        Long packet = new JdbcTemplate(dataSource).queryForObject("SELECT @@max_allowed_packet", Long.class);
        String verdict = verdict(DataSize.ofBytes(packet), limits.maxFileSize());
        if (verdict.startsWith("too small")) {
            log.warn("The database server's max_allowed_packet is {}: {}", describe(packet), verdict);
        } else {
            log.info("The database server's max_allowed_packet is {}: {}", describe(packet), verdict);
        }
    }

    /** The smallest {@code max_allowed_packet} that takes a document of this size: twice the size plus the statement's room. */
    static DataSize packetNeededFor(DataSize document) {
        return DataSize.ofBytes(2 * document.toBytes() + STATEMENT_ROOM.toBytes());
    }

    /** What a server with this {@code max_allowed_packet} means for documents up to {@code maxFileSize}. */
    static String verdict(DataSize packet, DataSize maxFileSize) {
        DataSize needed = packetNeededFor(maxFileSize);
        if (packet.toBytes() >= needed.toBytes()) {
            return "enough for documents of " + describe(maxFileSize.toBytes()) + " (twinflow.documents.max-file-size)";
        }
        long largest = Math.max(0, (packet.toBytes() - STATEMENT_ROOM.toBytes()) / 2);
        return "too small for documents of " + describe(maxFileSize.toBytes()) + " (twinflow.documents.max-file-size): a document above "
                + describe(largest) + " can be neither uploaded nor restored from a dump. Set max_allowed_packet to at least "
                + describe(needed.toBytes()) + " on the server (64M for the default limits; docs/operations.md)";
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
