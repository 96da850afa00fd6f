package org.twinflow.portal;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.web.multipart.MultipartFile;
import org.twinflow.system.web.PageOrder;
import org.twinflow.system.web.SubmittedForm;

/**
 * A progress or final report: narrative, activities, participants by gender and one achieved value
 * per expected result of the proposal (the indicator and its target come from the proposal, not
 * from the browser), with an optional PDF annex.
 */
public class ApplicantActionReportForm extends SubmittedForm implements PageOrder {

    /** The fields as the report form in {@code templates/proposals/view-actions.html} shows them; its error summary follows it. */
    private static final List<String> PAGE_ORDER = List.of("narrative", "activitiesDone", "participantsWomen", "participantsMen",
            "participantsOther", "indicators", "indicators[].achieved", "annex");

    static final int MAX_TEXT = 20_000;
    static final int MAX_PARTICIPANTS = 10_000_000;

    @NotBlank(message = "{page.report.narrative.required}")
    @Size(max = MAX_TEXT, message = "{page.report.narrative.tooLong}")
    private String narrative;

    @NotBlank(message = "{page.report.activitiesDone.required}")
    @Size(max = MAX_TEXT, message = "{page.report.activitiesDone.tooLong}")
    private String activitiesDone;

    @NotNull(message = "{page.report.participants.required}")
    @Min(value = 0, message = "{page.report.participants.negative}")
    @Max(value = MAX_PARTICIPANTS, message = "{page.report.participants.tooMany}")
    private Integer participantsWomen;

    @NotNull(message = "{page.report.participants.required}")
    @Min(value = 0, message = "{page.report.participants.negative}")
    @Max(value = MAX_PARTICIPANTS, message = "{page.report.participants.tooMany}")
    private Integer participantsMen;

    @NotNull(message = "{page.report.participants.required}")
    @Min(value = 0, message = "{page.report.participants.negative}")
    @Max(value = MAX_PARTICIPANTS, message = "{page.report.participants.tooMany}")
    private Integer participantsOther;

    @Valid
    private List<Indicator> indicators = new ArrayList<>();

    private MultipartFile annex;

    /** An empty report with one row per expected result. */
    static ApplicantActionReportForm withRows(int expectedResults) {
        ApplicantActionReportForm form = new ApplicantActionReportForm();
        form.fitRows(expectedResults);
        return form;
    }

    /** Pads or cuts the rows to the proposal's expected results; returns whether rows were missing. */
    boolean fitRows(int expectedResults) {
        boolean missing = indicators.size() < expectedResults;
        while (indicators.size() < expectedResults) {
            indicators.add(new Indicator());
        }
        while (indicators.size() > expectedResults) {
            indicators.remove(indicators.size() - 1);
        }
        return missing;
    }

    public String getNarrative() { return narrative; }
    public void setNarrative(String narrative) { this.narrative = narrative; }
    public String getActivitiesDone() { return activitiesDone; }
    public void setActivitiesDone(String activitiesDone) { this.activitiesDone = activitiesDone; }
    public Integer getParticipantsWomen() { return participantsWomen; }
    public void setParticipantsWomen(Integer participantsWomen) { this.participantsWomen = participantsWomen; }
    public Integer getParticipantsMen() { return participantsMen; }
    public void setParticipantsMen(Integer participantsMen) { this.participantsMen = participantsMen; }
    public Integer getParticipantsOther() { return participantsOther; }
    public void setParticipantsOther(Integer participantsOther) { this.participantsOther = participantsOther; }
    public List<Indicator> getIndicators() { return indicators; }
    public void setIndicators(List<Indicator> indicators) { this.indicators = indicators == null ? new ArrayList<>() : indicators; }
    public MultipartFile getAnnex() { return annex; }
    public void setAnnex(MultipartFile annex) { this.annex = annex; }

    @Override
    public List<String> fieldsInPageOrder() {
        return PAGE_ORDER;
    }

    /** The value one indicator reached. */
    public static class Indicator {

        @NotBlank(message = "{page.report.achieved.required}")
        @Size(max = 100, message = "{page.report.achieved.tooLong}")
        private String achieved;

        public String getAchieved() { return achieved; }
        public void setAchieved(String achieved) { this.achieved = achieved; }
    }
}
