package org.twinflow.timeline;

import java.time.Instant;

import org.springframework.data.annotation.Id;

/** One thing that happened to a proposal, for the applicant's history and the staff audit trail. */
public class TimelineEntry {

    @Id
    private Long id;
    private Long proposalId;
    private Instant occurredAt;
    private String actor;
    private String event;
    private String detail;
    private boolean visibleToApplicant;

    protected TimelineEntry() {
    }

    public TimelineEntry(Long proposalId, Instant occurredAt, String actor, String event, String detail,
            boolean visibleToApplicant) {
        this.proposalId = proposalId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.event = event;
        this.detail = detail;
        this.visibleToApplicant = visibleToApplicant;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getEvent() { return event; }
    public String getDetail() { return detail; }
    public boolean isVisibleToApplicant() { return visibleToApplicant; }
}
