package org.twinflow.web.hostile;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.twinflow.followup.FollowUpService;
import org.twinflow.proposal.Proposal;
import org.twinflow.web.PortalClient;
import org.twinflow.web.hostile.HostileInputs.Entry;

/** The signed agreement of an approved partnership: a file and nothing else; after each one taken, the secretariat rejects it. */
class AgreementTarget extends FormTarget {

    private final ProposalStages stages;
    private final FollowUpService followUp;
    private final Proposal proposal;

    AgreementTarget(PortalClient client, ProposalStages stages, FollowUpService followUp, Proposal proposal) {
        super(client);
        this.stages = stages;
        this.followUp = followUp;
        this.proposal = proposal;
    }

    @Override
    String name() {
        return "signed agreement";
    }

    @Override
    String path() {
        return "/proposals/" + proposal.getReference() + "/agreement";
    }

    @Override
    String pagePath() {
        return "/proposals/" + proposal.getReference();
    }

    @Override
    boolean multipart() {
        return true;
    }

    /** The form's hidden fields; the file is what each request adds. */
    @Override
    FormBody valid() {
        return hiddenFields();
    }

    @Override
    List<TextField> texts(Entry entry) {
        return List.of();
    }

    @Override
    Map<String, String> stored(HttpResponse<String> accepted) {
        return Map.of("file", followUp.recordOf(proposal.getId()).orElseThrow().agreementFileName());
    }

    @Override
    String shown(HttpResponse<String> accepted) {
        return client.get(pagePath()).body();
    }

    @Override
    void awaitAgain() {
        stages.rejectAgreement(proposal);
    }

    @Override
    String fileField() {
        return "file";
    }
}
