package org.twinflow.portal.call;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.twinflow.system.web.PageOrder;

/** The new deadline of a published call, in the call's time zone, and why it moves (the cities with drafts are told). */
public class DeadlineExtensionForm implements PageOrder {

    @NotNull
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate closesDate;

    @NotNull
    @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
    private LocalTime closesTime;

    @Size(max = 2000)
    private String reason;

    /** Starts from the present deadline, which the new one must pass. */
    static DeadlineExtensionForm from(Instant closesAt, ZoneId zone) {
        DeadlineExtensionForm form = new DeadlineExtensionForm();
        ZonedDateTime local = closesAt.atZone(zone);
        form.closesDate = local.toLocalDate();
        form.closesTime = local.toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        return form;
    }

    Instant newClosesAt(ZoneId zone) {
        return closesDate == null || closesTime == null ? null : LocalDateTime.of(closesDate, closesTime).atZone(zone).toInstant();
    }

    @Override
    public List<String> fieldsInPageOrder() {
        return List.of("closesDate", "closesTime", "reason");
    }

    public LocalDate getClosesDate() { return closesDate; }
    public void setClosesDate(LocalDate closesDate) { this.closesDate = closesDate; }
    public LocalTime getClosesTime() { return closesTime; }
    public void setClosesTime(LocalTime closesTime) { this.closesTime = closesTime; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
