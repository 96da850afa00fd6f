package org.twinflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The sizes measured on MariaDB 10.11 (docs/operations.md): a 10 MB document is a statement of 20 MB, which a server with
 * 16 MB refuses and one with 64 MB takes; a 7 MB one fits into 16 MB.
 */
class DocumentPacketCheckTest {

    @Test
    void shouldFindMariaDbsDefaultTooSmallForTenMegabyteDocuments() {
        String verdict = DocumentPacketCheck.verdict(DataSize.ofMegabytes(16), DataSize.ofMegabytes(10));

        assertThat(verdict).startsWith("too small for documents of 10 MB")
                .contains("a document above 7.5 MB can be neither uploaded nor restored")
                .contains("at least 21 MB");
    }

    @Test
    void shouldFindMySqlsDefaultEnoughForTenMegabyteDocuments() {
        assertThat(DocumentPacketCheck.verdict(DataSize.ofMegabytes(64), DataSize.ofMegabytes(10)))
                .isEqualTo("enough for documents of 10 MB (twinflow.documents.max-file-size)");
    }

    @Test
    void shouldNeedTwiceTheDocumentAndRoomForTheStatement() {
        assertThat(DocumentPacketCheck.packetNeededFor(DataSize.ofMegabytes(10)).toBytes()).isEqualTo(21L * 1024 * 1024);
        // the 7 MB document that a 16 MB server took in the trial
        assertThat(DocumentPacketCheck.packetNeededFor(DataSize.ofMegabytes(7)).toBytes()).isLessThanOrEqualTo(16L * 1024 * 1024);
    }
}
