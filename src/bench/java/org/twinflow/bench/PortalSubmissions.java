package org.twinflow.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.twinflow.web.PortalClient;
import org.twinflow.web.PortalClient.FormPage;

/**
 * Cities submitting complete proposals through the real portal over HTTP, as a browser does: the form page (its
 * CSRF token and submission id), the multipart POST, and the page the redirect leads to. A submission counts once
 * its process waits at screening with no job left; anything else is an error.
 */
final class PortalSubmissions {

    private static final Pattern PROPOSAL_PAGE = Pattern.compile("/proposals/(TW-\\d{4}-\\d{4,})$");

    private final List<PortalClient> browsers = new ArrayList<>();
    private final ProcessWatch watch;
    private final AtomicInteger titles = new AtomicInteger();

    PortalSubmissions(TwinflowUnderTest app, BenchPeople people, ProcessWatch watch) {
        this.watch = watch;
        for (BenchPeople.Officer officer : people.officers) {
            browsers.add(new PortalClient(app.port()).signIn(officer.userId(), BenchPeople.PASSWORD));
        }
    }

    /** What one level of concurrency achieved. */
    record Level(int cities, ConcurrentRun.Outcome http, Latencies.Summary post, long toScreeningNanos, long cpuNanos, List<String> references) {

        double throughputToScreening() {
            return toScreeningNanos == 0 ? 0 : http.operations() * 1e9 / toScreeningNanos;
        }
    }

    /** {@code submissions} submissions by {@code cities} cities at once (each the same share), until all wait at screening. */
    Level run(int cities, int submissions) {
        List<String> references = Collections.synchronizedList(new ArrayList<>());
        Latencies posts = new Latencies();
        long cpuBegin = ProcessCpu.nanos();
        ConcurrentRun.Outcome outcome = ConcurrentRun.run(cities, Math.max(1, submissions / cities),
                (city, i) -> references.add(submit(city, posts)));
        if (!outcome.errors().isEmpty()) {
            return new Level(cities, outcome, posts.summary(), 0, ProcessCpu.nanos() - cpuBegin, List.copyOf(references));
        }
        long wait = watch.awaitAtScreening(references, Duration.ofMinutes(5));
        return new Level(cities, outcome, posts.summary(), outcome.elapsedNanos() + wait, ProcessCpu.nanos() - cpuBegin, List.copyOf(references));
    }

    /** One submission by city {@code city}: the form, the POST, the proposal's page. Returns the reference. */
    String submit(int city, Latencies posts) {
        FormPage form = openForm(city);
        long begin = System.nanoTime();
        String reference = post(city, form);
        if (posts != null) {
            posts.record(System.nanoTime() - begin);
        }
        showProposal(city, reference);
        return reference;
    }

    FormPage openForm(int city) {
        return browsers.get(city).open("/proposals/new");
    }

    String post(int city, FormPage form) {
        String title = "Bench partnership " + titles.incrementAndGet() + ": bus rapid transit exchange";
        HttpResponse<String> answer = browsers.get(city).post("/proposals/new",
                ProposalFormFields.complete(form.multipart(), title, LocalDate.now(ZoneOffset.UTC)));
        String location = answer.headers().firstValue("Location").orElse("");
        Matcher page = PROPOSAL_PAGE.matcher(location);
        if (answer.statusCode() != 302 || !page.find()) {
            throw new HttpFailure("submission (expected a redirect to the proposal's page, got " + location + ")", answer);
        }
        return page.group(1);
    }

    void showProposal(int city, String reference) {
        HttpFailure.check("page of " + reference, browsers.get(city).get("/proposals/" + reference));
    }
}
