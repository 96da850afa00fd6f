package org.twinflow.web.hostile;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinflow.followup.FollowUpService;
import org.twinflow.followup.Report;
import org.twinflow.proposal.Proposal;
import org.twinflow.web.PortalClient;
import org.twinflow.web.hostile.HostileInputs.Entry;

/** A progress report of a proposal with one expected result; after each report taken, the secretariat sends it back. */
class ReportTarget extends FormTarget {

    private final ProposalStages stages;
    private final FollowUpService followUp;
    private final Proposal proposal;

    ReportTarget(PortalClient client, ProposalStages stages, FollowUpService followUp, Proposal proposal) {
        super(client);
        this.stages = stages;
        this.followUp = followUp;
        this.proposal = proposal;
    }

    @Override
    String name() {
        return "progress report";
    }

    @Override
    String path() {
        return "/proposals/" + proposal.getReference() + "/reports";
    }

    @Override
    String pagePath() {
        return "/proposals/" + proposal.getReference();
    }

    @Override
    boolean multipart() {
        return true;
    }

    @Override
    FormBody valid() {
        return hiddenFields().set("narrative", "Two study visits took place.")
                .set("activitiesDone", "Study visits; corridor survey.")
                .set("participantsWomen", "12").set("participantsMen", "10").set("participantsOther", "0")
                .set("indicators[0].achieved", "1");
    }

    @Override
    List<TextField> texts(Entry entry) {
        return List.of(TextField.required("narrative", 20_000), TextField.required("activitiesDone", 20_000),
                TextField.required("indicators[0].achieved", 100));
    }

    @Override
    Map<String, String> stored(HttpResponse<String> accepted) {
        Report report = followUp.reportsOf(proposal.getId()).get(0);
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("narrative", report.getNarrative());
        stored.put("activitiesDone", report.getActivitiesDone());
        stored.put("indicators[0].achieved", report.getIndicatorValues().get(0).achieved());
        return stored;
    }

    /** The portal shows a submitted report nowhere (staff read it in Tasklist). */
    @Override
    String shown(HttpResponse<String> accepted) {
        return null;
    }

    @Override
    void awaitAgain() {
        stages.requestChangesToReport(proposal);
    }

    @Override
    List<String> numberFields() {
        return List.of("participantsWomen", "participantsMen", "participantsOther");
    }

    @Override
    List<String> rowFields() {
        return List.of("indicators[%s].achieved");
    }

    @Override
    String fileField() {
        return "annex";
    }
}
