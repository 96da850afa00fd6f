package org.twinflow.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/** A progress or final report of an approved partnership. */
public class Report {

    @Id
    private Long id;
    private Long proposalId;
    private ReportKind kind;
    private int periodNumber;
    private LocalDate periodStart;
    private LocalDate periodEnd;
    private LocalDate dueDate;
    private ReportStatus status;
    private String narrative;
    private String activitiesDone;
    private Integer participantsWomen;
    private Integer participantsMen;
    private Integer participantsOther;
    private Instant submittedAt;
    private Instant reviewedAt;
    private String reviewNote;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "REPORT_ID", keyColumn = "POSITION")
    private List<IndicatorValue> indicatorValues = new ArrayList<>();

    protected Report() {
    }

    Report(Long proposalId, ReportKind kind, int periodNumber, LocalDate periodStart, LocalDate periodEnd, LocalDate dueDate) {
        this.proposalId = proposalId;
        this.kind = kind;
        this.periodNumber = periodNumber;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.dueDate = dueDate;
        this.status = ReportStatus.PLANNED;
    }

    boolean isAwaitingSubmission() {
        return status == ReportStatus.PLANNED || status == ReportStatus.CHANGES_REQUESTED;
    }

    void submit(ReportSubmission submission, Instant now) {
        if (!isAwaitingSubmission()) {
            throw new IllegalStateException("Report " + id + " is " + status + " and cannot be submitted");
        }
        this.narrative = submission.narrative();
        this.activitiesDone = submission.activitiesDone();
        this.participantsWomen = submission.participantsWomen();
        this.participantsMen = submission.participantsMen();
        this.participantsOther = submission.participantsOther();
        this.indicatorValues = new ArrayList<>(submission.indicatorValues());
        this.submittedAt = now;
        this.status = ReportStatus.SUBMITTED;
    }

    void review(boolean accepted, String note, Instant now) {
        if (status != ReportStatus.SUBMITTED) {
            throw new IllegalStateException("Report " + id + " is " + status + " and cannot be reviewed");
        }
        this.status = accepted ? ReportStatus.ACCEPTED : ReportStatus.CHANGES_REQUESTED;
        this.reviewNote = note;
        this.reviewedAt = now;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public ReportKind getKind() { return kind; }
    public int getPeriodNumber() { return periodNumber; }
    public LocalDate getPeriodStart() { return periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public LocalDate getDueDate() { return dueDate; }
    public ReportStatus getStatus() { return status; }
    public String getNarrative() { return narrative; }
    public String getActivitiesDone() { return activitiesDone; }
    public Integer getParticipantsWomen() { return participantsWomen; }
    public Integer getParticipantsMen() { return participantsMen; }
    public Integer getParticipantsOther() { return participantsOther; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getReviewedAt() { return reviewedAt; }
    public String getReviewNote() { return reviewNote; }
    public List<IndicatorValue> getIndicatorValues() { return List.copyOf(indicatorValues); }
}
