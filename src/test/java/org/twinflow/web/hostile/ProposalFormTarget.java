package org.twinflow.web.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.twinflow.CallFixtures;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ExpectedResult;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.web.PortalClient;
import org.twinflow.web.hostile.HostileInputs.Entry;
import org.twinflow.web.hostile.HostileInputs.Kind;

/**
 * The proposal form, submitted: a new proposal (every entry stored makes a proposal and starts its process, once), or
 * the revision of a proposal the committee returned.
 */
class ProposalFormTarget extends FormTarget {

    static final List<TextField> TEXTS = List.of(TextField.required("title", 300), TextField.required("summary", 2000),
            TextField.required("objectives", 5000), TextField.required("activities", 5000),
            TextField.required("partners[0].cityName", 200), TextField.required("expectedResults[0].result", 500),
            TextField.required("expectedResults[0].indicator", 300), TextField.required("expectedResults[0].target", 100));
    /** Fields that take codes, not text: whatever text is sent there is refused (an optional one may stay blank). */
    static final List<TextField> CODES = List.of(TextField.coded("partners[0].countryCode", true),
            TextField.coded("partners[0].role", true), TextField.coded("partners[0].contactEmail", false),
            TextField.coded("thematicArea", true));

    private final ProposalService proposals;
    private final RuntimeService runtime;
    private final LocalDate today;
    private final String revised;

    /** @param revised the proposal returned for revision whose form this is; null for the new-proposal form */
    ProposalFormTarget(PortalClient client, ProposalService proposals, RuntimeService runtime, LocalDate today, String revised) {
        super(client);
        this.proposals = proposals;
        this.runtime = runtime;
        this.today = today;
        this.revised = revised;
    }

    @Override
    String name() {
        return revised == null ? "proposal form" : "revision of " + revised;
    }

    @Override
    String path() {
        return revised == null ? "/proposals/new" : "/proposals/" + revised + "/edit";
    }

    @Override
    String pagePath() {
        return revised == null ? CallFixtures.NEW_PROPOSAL_FORM : path();
    }

    @Override
    boolean multipart() {
        return true;
    }

    @Override
    FormBody valid() {
        return complete(hiddenFields(), today).set("submit", "1");
    }

    /**
     * A blank entry goes into one field of each row only: a row left blank entirely is dropped (the form's rule for rows
     * added but not used), which is not what a blank field is about.
     */
    @Override
    List<TextField> texts(Entry entry) {
        if (entry.kind() == Kind.BLANK) {
            return TEXTS.stream().filter(f -> !f.name().equals("expectedResults[0].target")).toList();
        }
        return java.util.stream.Stream.concat(TEXTS.stream(), CODES.stream()).toList();
    }

    /** What was stored, and the proposal's process started once. */
    @Override
    Map<String, String> stored(HttpResponse<String> accepted) {
        Proposal proposal = proposals.byReference(referenceIn(accepted));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(proposal.getReference()).count()).as("process of %s", proposal.getReference()).isOne();
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("title", proposal.getTitle());
        stored.put("summary", proposal.getSummary());
        stored.put("objectives", proposal.getObjectives());
        stored.put("activities", proposal.getActivities());
        PartnerCity partner = proposal.getPartners().get(0);
        stored.put("partners[0].cityName", partner.cityName());
        stored.put("partners[0].contactEmail", partner.contactEmail());
        ExpectedResult result = proposal.getExpectedResults().get(0);
        stored.put("expectedResults[0].result", result.result());
        stored.put("expectedResults[0].indicator", result.indicator());
        stored.put("expectedResults[0].target", result.target());
        return stored;
    }

    @Override
    String shown(HttpResponse<String> accepted) {
        return client.get("/proposals/" + referenceIn(accepted)).body();
    }

    @Override
    List<String> numberFields() {
        return List.of("totalBudget", "requestedAmount", "coFinancing");
    }

    @Override
    List<String> dateFields() {
        return List.of("startDate", "endDate");
    }

    @Override
    List<String> rowFields() {
        return List.of("partners[%s].cityName", "expectedResults[%s].result", "sdgs[%s]");
    }

    @Override
    String fileField() {
        return "letterOfIntent";
    }

    static String referenceIn(HttpResponse<String> accepted) {
        return Answers.location(accepted).replaceAll(".*/proposals/(TW-\\d{4}-\\d{4}).*", "$1");
    }

    /** Everything a submission needs: two partners in Japan, three SDGs, one result, 18 months from the month after next. */
    static FormBody complete(FormBody form, LocalDate today) {
        LocalDate start = today.withDayOfMonth(1).plusMonths(2);
        return form.set("title", "Bus rapid transit exchange").set("partnershipType", "TWINNING").set("thematicArea", "MOBILITY")
                .set("_sdgs", "on").add("sdgs", "9").add("sdgs", "11").add("sdgs", "13")
                .set("summary", "Semarang and Toyama exchange what works for public transport in compact cities.")
                .set("objectives", "Plan a bus rapid transit corridor with light-rail lessons from Toyama.")
                .set("activities", "Two study visits, a joint corridor plan, a public forum in each city.")
                .set("startDate", start.toString()).set("endDate", start.plusMonths(18).minusDays(1).toString())
                .set("partners[0].cityName", "Toyama").set("partners[0].countryCode", "JP").set("partners[0].role", "CO_LEAD")
                .set("partners[0].contactEmail", "international@toyama.example")
                .set("partners[1].cityName", "Kitakyushu").set("partners[1].countryCode", "JP").set("partners[1].role", "PARTNER")
                .set("partners[1].contactEmail", "international@kitakyushu.example")
                .set("expectedResults[0].result", "A corridor plan adopted by both councils")
                .set("expectedResults[0].indicator", "Plans adopted").set("expectedResults[0].target", "2")
                .set("totalBudget", "150000").set("requestedAmount", "90000").set("coFinancing", "60000")
                .set("declarationCorrect", "true").set("_declarationCorrect", "on")
                .set("declarationAuthorised", "true").set("_declarationAuthorised", "on");
    }
}
