package org.twinflow.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/**
 * A notice addressed to one recipient, kept as an outbox row. {@code sentAt} is set when the mail
 * was handed to the mail server, in the same transaction that stored the row; a row without it is a
 * recipient without an e-mail address.
 */
public class Notification {

    @Id
    private Long id;
    private Long proposalId;
    private Notice notice;
    private String recipient;
    private Instant createdAt;
    private Instant sentAt;

    protected Notification() {
    }

    public Notification(Long proposalId, Notice notice, String recipient, Instant createdAt) {
        this.proposalId = proposalId;
        this.notice = notice;
        this.recipient = recipient;
        this.createdAt = createdAt;
    }

    void markSent(Instant now) {
        this.sentAt = now;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public Notice getNotice() { return notice; }
    public String getRecipient() { return recipient; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
