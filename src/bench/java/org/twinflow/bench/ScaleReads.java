package org.twinflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinflow.web.PortalClient;

/**
 * The reads that must stay flat as the data grows, each by one user at a time as people use them: the city's
 * "My proposals" (a seeded city with twenty proposals, at every scale), a proposal's page, its staff view, the
 * public landing page, every shared filter's list and count, and Cockpit's process overview as an administrator
 * sees it on opening Cockpit; then completions of screening tasks and what one costs in SQL. Each read runs a
 * fixed number of times or until its time budget is spent, at least three times, after two warm-up calls.
 */
final class ScaleReads {

    private final TwinflowUnderTest app;
    private final BenchPeople people;
    private final StaffTasks staff;
    private final ProcessWatch watch;
    private final List<SharedFilters.SharedFilter> filters;
    private final BenchSettings settings;
    private final List<String> errors = new ArrayList<>();

    ScaleReads(TwinflowUnderTest app, BenchPeople people, StaffTasks staff, ProcessWatch watch, List<SharedFilters.SharedFilter> filters,
            BenchSettings settings) {
        this.app = app;
        this.people = people;
        this.staff = staff;
        this.watch = watch;
        this.filters = filters;
        this.settings = settings;
    }

    Map<String, Object> measure(ScaleSeeder seeder, TasklistSession administrator, int scale) {
        Map<String, Object> results = new LinkedHashMap<>();
        PortalClient city = new PortalClient(app.port()).signIn(ScaleSeeder.SCALE_OFFICER, BenchPeople.PASSWORD);
        PortalClient visitor = new PortalClient(app.port());
        TasklistSession secretariat = staff.session(people.secretariat.get(0));
        String reference = seeder.measuredReference();
        String engine = app.engineName();
        read(results, scale, "portal: My proposals", () -> HttpFailure.check("My proposals", city.get("/proposals")));
        read(results, scale, "portal: proposal page", () -> HttpFailure.check("proposal page", city.get("/proposals/" + reference)));
        read(results, scale, "staff view of the proposal", () -> secretariat.get("/staff/proposals/" + reference, "text/html"));
        read(results, scale, "portal: landing page", () -> HttpFailure.check("landing page", visitor.get("/")));
        for (SharedFilters.SharedFilter filter : filters) {
            TasklistSession owner = staff.session(SharedFilters.userFor(filter.role(), people, 0));
            read(results, scale, "filter " + filter.name() + ": list", () -> owner.filterList(filter.id()));
            read(results, scale, "filter " + filter.name() + ": count", () -> owner.filterCount(filter.id()));
        }
        read(results, scale, "Cockpit: dashboard statistics", () -> administrator.get("/camunda/api/engine/engine/" + engine
                + "/process-definition/statistics?rootIncidents=true", "application/json"));
        read(results, scale, "Cockpit: process definitions count", () -> administrator.get("/camunda/api/cockpit/plugin/base/" + engine
                + "/process-definition/statistics-count", "application/json"));
        read(results, scale, "Cockpit: process definitions list", () -> administrator.get("/camunda/api/cockpit/plugin/base/" + engine
                + "/process-definition/statistics?firstResult=0&maxResults=50&sortBy=name&sortOrder=asc", "application/json"));
        completions(results, seeder);
        return results;
    }

    private void read(Map<String, Object> results, int scale, String name, Runnable read) {
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            try {
                read.run();
            } catch (RuntimeException | AssertionError ignoredInWarmUp) {
                // counted below, where it repeats
            }
        }
        Latencies latencies = new Latencies();
        long budget = System.nanoTime() + settings.readBudgetSeconds() * 1_000_000_000L;
        int failures = 0;
        for (int i = 0; i < settings.readIterations() && (i < 3 || System.nanoTime() < budget); i++) {
            long begin = System.nanoTime();
            try {
                read.run();
                latencies.record(System.nanoTime() - begin);
            } catch (RuntimeException | AssertionError failed) {
                failures++;
                if (failures <= 3) {
                    errors.add(name + " at " + scale + ": " + failed);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>(latencies.summary().asMap());
        result.put("errors", failures);
        results.put(name, result);
        System.out.printf("[bench]   %-45s p50 %8.1f ms, p95 %8.1f ms (%d runs)%n", name, latencies.summary().p50(), latencies.summary().p95(),
                latencies.summary().count());
    }

    /** Screening completions of seeded proposals as Tasklist sends them, then a few alone for their SQL statements. */
    private void completions(Map<String, Object> results, ScaleSeeder seeder) {
        String officer = people.secretariat.get(0);
        List<StaffTasks.Completion> work = new ArrayList<>();
        for (int i = 0; i < settings.completionsAtScale(); i++) {
            work.add(staff.screening(seeder.takeScreeningReference(), officer));
        }
        ConcurrentRun.Outcome outcome = ConcurrentRun.run(1, work.size(), (thread, i) -> staff.complete(work.get(i)));
        Map<String, Object> result = new LinkedHashMap<>(outcome.latency().asMap());
        result.put("errors", outcome.errors().size());
        outcome.errors().stream().limit(3).forEach(error -> errors.add("complete screening: " + error));
        results.put("complete screening", result);
        System.out.printf("[bench]   %-45s p50 %8.1f ms, p95 %8.1f ms (%d runs)%n", "complete screening", outcome.latency().p50(),
                outcome.latency().p95(), outcome.latency().count());
        watch.awaitJobsDone(java.time.Duration.ofMinutes(10));
        OperationCost cost = new OperationCost("complete screening");
        for (int i = 0; i < settings.costSamples(); i++) {
            StaffTasks.Completion completion = staff.screening(seeder.takeScreeningReference(), officer);
            cost.measure(app, watch, () -> {
                staff.complete(completion);
                watch.awaitJobsDone(java.time.Duration.ofMinutes(2));
            });
        }
        results.put("complete screening: SQL statements", cost.summary());
    }

    List<String> errors() {
        return errors;
    }
}
