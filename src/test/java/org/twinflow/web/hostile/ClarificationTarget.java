package org.twinflow.web.hostile;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.twinflow.proposal.Proposal;
import org.twinflow.screening.Clarification;
import org.twinflow.screening.ScreeningService;
import org.twinflow.web.PortalClient;
import org.twinflow.web.hostile.HostileInputs.Entry;

/** The answer to a clarification request; after each answer taken, the secretariat asks again. */
class ClarificationTarget extends FormTarget {

    private final PortalClient staff;
    private final ProposalStages stages;
    private final ScreeningService screening;
    private final Proposal proposal;

    ClarificationTarget(PortalClient client, PortalClient staff, ProposalStages stages, ScreeningService screening, Proposal proposal) {
        super(client);
        this.staff = staff;
        this.stages = stages;
        this.screening = screening;
        this.proposal = proposal;
    }

    @Override
    String name() {
        return "clarification answer";
    }

    @Override
    String path() {
        return "/proposals/" + proposal.getReference() + "/clarification";
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
        return hiddenFields().set("answer", "The transport and urban planning departments.");
    }

    @Override
    List<TextField> texts(Entry entry) {
        return List.of(TextField.required("answer", 10_000));
    }

    @Override
    Map<String, String> stored(HttpResponse<String> accepted) {
        List<Clarification> all = screening.clarificationsOf(proposal.getId());
        return Map.of("answer", all.get(all.size() - 1).getAnswer());
    }

    /** Staff read the answer on the proposal's staff page. */
    @Override
    boolean showsEverythingTogether() {
        return true;
    }

    @Override
    String shown(HttpResponse<String> accepted) {
        return staff.get("/staff/proposals/" + proposal.getReference()).body();
    }

    @Override
    void awaitAgain() {
        stages.askForClarification(proposal);
    }

    @Override
    String fileField() {
        return "attachment";
    }
}
