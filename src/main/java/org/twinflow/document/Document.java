package org.twinflow.document;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/** A PDF stored with a proposal. */
public class Document {

    @Id
    private Long id;
    private Long proposalId;
    private DocumentKind kind;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private byte[] content;
    private String uploadedBy;
    private Instant uploadedAt;

    protected Document() {
    }

    Document(Long proposalId, DocumentKind kind, String fileName, byte[] content, String sha256, String uploadedBy, Instant uploadedAt) {
        this.proposalId = proposalId;
        this.kind = kind;
        this.fileName = fileName;
        this.contentType = DocumentService.PDF;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.content = content;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public DocumentKind getKind() { return kind; }
    public String getFileName() { return fileName; }
    public String getContentType() { return contentType; }
    public long getSizeBytes() { return sizeBytes; }
    public String getSha256() { return sha256; }
    public byte[] getContent() { return content; }
    public String getUploadedBy() { return uploadedBy; }
    public Instant getUploadedAt() { return uploadedAt; }
}
