package org.twinflow.screening;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A question the secretariat asked the applicant during screening, and the applicant's answer. */
public class Clarification {

    @Id
    private Long id;
    private Long proposalId;
    private String question;
    private String askedBy;
    private Instant askedAt;
    private Instant deadline;
    private String answer;
    private Instant answeredAt;
    @Version
    private Integer version;

    protected Clarification() {
    }

    Clarification(Long proposalId, String question, String askedBy, Instant askedAt, Instant deadline) {
        this.proposalId = proposalId;
        this.question = question;
        this.askedBy = askedBy;
        this.askedAt = askedAt;
        this.deadline = deadline;
    }

    void answer(String answer, Instant now) {
        if (this.answer != null) {
            throw new IllegalStateException("Clarification " + id + " is already answered");
        }
        this.answer = answer;
        this.answeredAt = now;
    }

    public boolean isOpen() {
        return answer == null;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public String getQuestion() { return question; }
    public String getAskedBy() { return askedBy; }
    public Instant getAskedAt() { return askedAt; }
    public Instant getDeadline() { return deadline; }
    public String getAnswer() { return answer; }
    public Instant getAnsweredAt() { return answeredAt; }
}
