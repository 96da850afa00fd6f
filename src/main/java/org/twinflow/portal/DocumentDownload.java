package org.twinflow.portal;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.twinflow.document.Document;
import org.twinflow.document.DocumentService;

/** A stored PDF as a download: always {@code application/pdf} and {@code attachment}, never rendered inline. */
final class DocumentDownload {

    private DocumentDownload() {
    }

    /** The proposal's document, or 404 when the id belongs to no document of that proposal. */
    static ResponseEntity<byte[]> of(DocumentService documents, Long proposalId, Long documentId) {
        Document document = documents.load(proposalId, documentId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(document.getContent());
    }
}
