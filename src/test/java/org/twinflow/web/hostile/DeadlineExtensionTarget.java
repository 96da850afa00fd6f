package org.twinflow.web.hostile;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.twinflow.call.CallDeadlineExtension;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallService;
import org.twinflow.web.PortalClient;
import org.twinflow.web.hostile.HostileInputs.Entry;

/** The extension of a published call's deadline: each one taken moves it a day later than the present one. */
class DeadlineExtensionTarget extends FormTarget {

    private final CallService calls;
    private final String reference;

    DeadlineExtensionTarget(PortalClient secretariat, CallService calls, String reference) {
        super(secretariat);
        this.calls = calls;
        this.reference = reference;
    }

    @Override
    String name() {
        return "deadline extension of " + reference;
    }

    @Override
    String path() {
        return "/staff/calls/" + reference + "/extensions";
    }

    @Override
    String pagePath() {
        return "/staff/calls/" + reference;
    }

    @Override
    boolean multipart() {
        return false;
    }

    @Override
    FormBody valid() {
        CallForProposals call = calls.byReference(reference);
        var closes = call.getClosesAt().atZone(call.getTimeZone()).plusDays(1);
        return hiddenFields().remove("submissionId")
                .set("closesDate", closes.toLocalDate().toString()).set("closesTime", "17:00")
                .set("reason", "Cities asked for more time after the floods.");
    }

    @Override
    List<TextField> texts(Entry entry) {
        return List.of(TextField.required("reason", 2000));
    }

    @Override
    Map<String, String> stored(HttpResponse<String> accepted) {
        List<CallDeadlineExtension> extensions = calls.extensionsOf(calls.byReference(reference).getId());
        return Map.of("reason", extensions.get(extensions.size() - 1).reason());
    }

    @Override
    boolean showsEverythingTogether() {
        return true;
    }

    @Override
    String shown(HttpResponse<String> accepted) {
        return client.get("/staff/calls/" + reference).body();
    }

    @Override
    List<String> dateFields() {
        return List.of("closesDate");
    }

    @Override
    List<String> timeFields() {
        return List.of("closesTime");
    }
}
