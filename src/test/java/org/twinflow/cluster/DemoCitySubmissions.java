package org.twinflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.twinflow.CallFixtures;
import org.twinflow.web.PortalClient;
import org.twinflow.web.PortalRepeatScenarios;

/** The demo city (signed in) submits complete proposals to the first call, four at a time. */
final class DemoCitySubmissions {

    static final String CITY = "surabaya";
    static final String PASSWORD = "demo";

    private DemoCitySubmissions() {
    }

    /**
     * Submits {@code count} proposals titled "prefix 1", "prefix 2" ...; with several clients (one browser at several
     * nodes), the i-th form is opened through client i and sent through the next one. Their references, in order.
     */
    static List<String> submit(List<PortalClient> browsers, int count, String titlePrefix) throws Exception {
        ExecutorService cities = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PortalClient opensForm = browsers.get(i % browsers.size());
                PortalClient sends = browsers.get((i + 1) % browsers.size());
                String title = titlePrefix + " " + (i + 1);
                submitted.add(cities.submit(() -> {
                    HttpResponse<String> answer = sends.post("/proposals/new", PortalRepeatScenarios.completeProposal(
                            opensForm.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(), title, LocalDate.now()).field("submit", "1"));
                    assertThat(answer.statusCode()).as("submission of %s: %s", title, answer.body()).isEqualTo(302);
                    return answer.headers().firstValue("Location").orElseThrow().replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})$", "$1");
                }));
            }
            List<String> references = new ArrayList<>();
            for (Future<String> reference : submitted) {
                references.add(reference.get());
            }
            assertThat(references).doesNotHaveDuplicates().allMatch(reference -> reference.matches("TW-\\d{4}-\\d{4}"));
            return references;
        } finally {
            cities.shutdownNow();
        }
    }
}
