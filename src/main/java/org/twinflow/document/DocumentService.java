package org.twinflow.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores PDFs with their proposal, in the database. A file is accepted when its content starts with
 * the PDF signature ({@code %PDF-}), whatever its name, and when it keeps within the size limits.
 */
@Service
public class DocumentService {

    public static final String PDF = "application/pdf";
    private static final byte[] PDF_SIGNATURE = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final DocumentRepository documents;
    private final DocumentProperties limits;
    private final Clock clock;

    DocumentService(DocumentRepository documents, DocumentProperties limits, Clock clock) {
        this.documents = documents;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @throws DocumentRejectedException when the file is empty, not a PDF, too large, or the proposal's
     *         documents would exceed the total; nothing is stored then
     */
    @Transactional
    public DocumentInfo store(Long proposalId, DocumentKind kind, String fileName, byte[] content, String uploadedBy) {
        return store(proposalId, kind, Upload.of(fileName, content), uploadedBy);
    }

    /**
     * Stores an upload; its announced size is checked before it is read.
     *
     * @throws DocumentRejectedException when the file is empty, not a PDF, too large, or the proposal's
     *         documents would exceed the total; nothing is stored then
     */
    @Transactional
    public DocumentInfo store(Long proposalId, DocumentKind kind, Upload upload, String uploadedBy) {
        String fileName = upload.fileName();
        if (upload.sizeBytes() > limits.maxFileSize().toBytes()) {
            throw tooLarge(fileName);
        }
        byte[] content = upload.bytes();
        if (content == null || content.length == 0) {
            throw new DocumentRejectedException("document.empty", "The file " + fileName + " is empty", fileName);
        }
        if (content.length > limits.maxFileSize().toBytes()) {
            throw tooLarge(fileName);
        }
        if (content.length < PDF_SIGNATURE.length || !Arrays.equals(Arrays.copyOf(content, PDF_SIGNATURE.length), PDF_SIGNATURE)) {
            throw new DocumentRejectedException("document.notPdf", "The file " + fileName + " is not a PDF", fileName);
        }
        if (documents.totalSizeOf(proposalId) + content.length > limits.maxTotalSize().toBytes()) {
            throw new DocumentRejectedException("document.totalTooLarge", "The documents of this proposal would exceed "
                    + limits.maxTotalSize(), fileName, limits.maxTotalSize().toMegabytes());
        }
        Document saved = documents.save(new Document(proposalId, kind, safeName(fileName), content, sha256(content), uploadedBy,
                clock.instant()));
        return new DocumentInfo(saved.getId(), proposalId, kind, saved.getFileName(), saved.getSizeBytes(), uploadedBy, saved.getUploadedAt());
    }

    private DocumentRejectedException tooLarge(String fileName) {
        return new DocumentRejectedException("document.tooLarge", "The file " + fileName + " is larger than " + limits.maxFileSize(),
                fileName, limits.maxFileSize().toMegabytes());
    }

    public List<DocumentInfo> documentsOf(Long proposalId) {
        return documents.findInfoByProposalId(proposalId);
    }

    /** The document with its content, only if it belongs to the given proposal. */
    public Optional<Document> load(Long proposalId, Long documentId) {
        return documents.findById(documentId).filter(d -> d.getProposalId().equals(proposalId));
    }

    private static String safeName(String fileName) {
        // Path separators, quotes and control characters would break the download's Content-Disposition or a file system.
        String name = fileName == null ? "document.pdf" : fileName.replaceAll("[\\\\/\"\\p{Cc}\\uFFFD]", "_").strip();
        if (name.isEmpty()) {
            name = "document.pdf";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
