package org.twinflow.web.hostile;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinflow.CallFixtures;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallService;
import org.twinflow.web.PortalClient;
import org.twinflow.web.hostile.HostileInputs.Entry;
import org.twinflow.web.hostile.HostileInputs.Kind;

/**
 * The secretariat's call form: a new call (every one taken is a new draft call), or the edit form of one draft call.
 */
class CallFormTarget extends FormTarget {

    private final CallService calls;
    private final LocalDate today;
    private final String edited;
    private String reference;

    /** @param edited the draft call whose edit form this is; null for the new-call form */
    CallFormTarget(PortalClient secretariat, CallService calls, LocalDate today, String edited) {
        super(secretariat);
        this.calls = calls;
        this.today = today;
        this.edited = edited;
    }

    @Override
    String name() {
        return edited == null ? "new call" : "call " + edited + " edited";
    }

    @Override
    String path() {
        return edited == null ? "/staff/calls/new" : "/staff/calls/" + edited + "/edit";
    }

    @Override
    String pagePath() {
        return path();
    }

    @Override
    boolean multipart() {
        return false;
    }

    @Override
    FormBody valid() {
        reference = edited == null ? CallFixtures.uniqueReference() : edited;
        LocalDate opens = today.plusDays(1);
        return hiddenFields().remove("submissionId").set("reference", reference)
                .set("title", "Twinning for clean air").set("description", "Cities learn from each other how to cut air pollution.")
                .set("mode", "COMPETITIVE").set("thematicAreas", "MOBILITY").set("_thematicAreas", "on").set("_sdgs", "on")
                .add("sdgs", "11").set("leadCountries", "ID, PH").set("_requiredDocuments", "on").set("timeZone", "Asia/Jakarta")
                .set("opensDate", opens.toString()).set("opensTime", "09:00").set("closesDate", opens.plusMonths(3).toString())
                .set("closesTime", "17:00").set("currency", "EUR").set("budget", "400000").set("maxRequestedAmount", "150000")
                .set("maxFundingSharePercent", "80").set("minDurationMonths", "6").set("maxDurationMonths", "36")
                .set("reviewerCount", "2").set("reportingIntervalMonths", "6");
    }

    @Override
    List<TextField> texts(Entry entry) {
        List<TextField> fields = new ArrayList<>(List.of(TextField.required("title", 200), TextField.required("description", 5000)));
        fields.add(TextField.coded("leadCountries", false));
        if (entry.kind() != Kind.BLANK) {
            // a blank choice is no choice at all (the checkbox's marker keeps the list empty), not a blank text
            fields.addAll(List.of(TextField.coded("mode", true), TextField.coded("thematicAreas", true),
                    TextField.coded("timeZone", true), TextField.coded("currency", true)));
            if (edited == null) {
                fields.add(TextField.coded("reference", true));
            }
        }
        return fields;
    }

    @Override
    Map<String, String> stored(HttpResponse<String> accepted) {
        CallForProposals call = calls.byReference(reference);
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("title", call.getTitle());
        stored.put("description", call.getDescription());
        return stored;
    }

    @Override
    String shown(HttpResponse<String> accepted) {
        return client.get("/staff/calls/" + reference).body();
    }

    @Override
    List<String> numberFields() {
        return List.of("budget", "maxRequestedAmount", "maxFundingSharePercent", "minDurationMonths", "maxDurationMonths",
                "reviewerCount", "reportingIntervalMonths");
    }

    @Override
    List<String> dateFields() {
        return List.of("opensDate", "closesDate");
    }

    @Override
    List<String> timeFields() {
        return List.of("opensTime", "closesTime");
    }

    @Override
    List<String> rowFields() {
        return List.of("sdgs[%s]", "thematicAreas[%s]", "requiredDocuments[%s]");
    }
}
