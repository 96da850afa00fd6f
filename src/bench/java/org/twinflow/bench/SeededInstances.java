package org.twinflow.bench;

import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.twinflow.approval.Decision;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.city.City;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.proposal.ExpectedResult;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.PartnerRole;
import org.twinflow.proposal.PartnershipType;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalSnapshot;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.review.ReviewService;
import org.twinflow.system.CallProperties;
import org.twinflow.process.JsonVariables;
import org.twinflow.system.StaffGroups;

/**
 * Starts the engine's instance of a seeded proposal directly at the wait it has reached ({@code startBeforeActivity}),
 * with the variables the portal's start sets (those of ProposalProcessStarter) and, past the review, what the score
 * aggregation sets. Listeners and input mappings run as usual: the status listeners, task naming, the assignment
 * task's options, the follow-up's start. Finished proposals take real paths to their end: the ineligible start at
 * the start event (receipt, eligibility decision, notice), the rejected get the committee's decision through the
 * task service, as the committee member. Their notices are jobs, run by the job executor.
 */
final class SeededInstances {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ReviewService reviews;
    private final CommitteeDecisions decisions;
    private final CallProperties call;
    private final String committeeMember;

    SeededInstances(TwinflowUnderTest app, String committeeMember) {
        this.runtime = app.engine().getRuntimeService();
        this.tasks = app.engine().getTaskService();
        this.identity = app.engine().getIdentityService();
        this.reviews = app.bean(ReviewService.class);
        this.decisions = app.bean(CommitteeDecisions.class);
        this.call = app.bean(CallProperties.class);
        this.committeeMember = committeeMember;
    }

    private final Map<SeedState, LongAdder> nanosByState = new ConcurrentHashMap<>();

    void start(SeededDomainRows.Seeded seeded) {
        long begin = System.nanoTime();
        startInstance(seeded);
        nanosByState.computeIfAbsent(seeded.state(), s -> new LongAdder()).add(System.nanoTime() - begin);
    }

    /** Milliseconds spent starting instances, by state, since the last call. */
    Map<String, Long> takeMillisByState() {
        Map<String, Long> millis = new LinkedHashMap<>();
        for (SeedState state : SeedState.values()) {
            LongAdder nanos = nanosByState.get(state);
            millis.put(state.name(), nanos == null ? 0 : nanos.sumThenReset() / 1_000_000);
        }
        return millis;
    }

    private void startInstance(SeededDomainRows.Seeded seeded) {
        VariableMap variables = startVariables(seeded);
        ProcessInstantiationBuilder instance = runtime.createProcessInstanceByKey(ProposalProcess.PROCESS_KEY)
                .businessKey(seeded.reference()).setVariables(variables);
        switch (seeded.state()) {
            case INELIGIBLE -> instance.execute();
            case IN_SCREENING -> atWait(instance, variables, TASK_SCREEN_PROPOSAL);
            case AWAITING_REVIEWERS -> atWait(instance, variables, TASK_ASSIGN_REVIEWERS);
            case IN_REVIEW -> {
                variables.putValueTyped(REVIEWERS, JsonVariables.json(seeded.reviewers()));
                atWait(instance, variables, SUBPROCESS_REVIEW + "#multiInstanceBody");
            }
            case IN_DECISION -> atWait(instance, withScores(variables, seeded), TASK_DECIDE_ON_PROPOSAL);
            case REJECTED -> {
                atWait(instance, withScores(variables, seeded), TASK_DECIDE_ON_PROPOSAL);
                decide(seeded);
            }
            case AGREEMENT_PENDING -> {
                withScores(variables, seeded);
                decisions.record(seeded.id(), Decision.APPROVE, null, "The committee approves the partnership.", committeeMember);
                variables.putValue(DECISION, "approve");
                atWait(instance, variables, CALL_ACTIVITY_FOLLOW_UP);
            }
        }
    }

    private static void atWait(ProcessInstantiationBuilder instance, VariableMap variables, String activityId) {
        instance.setVariables(variables).startBeforeActivity(activityId).execute(false, false);
    }

    private VariableMap withScores(VariableMap variables, SeededDomainRows.Seeded seeded) {
        ReviewService.ReviewScores scores = reviews.aggregate(seeded.id()).orElseThrow();
        variables.putValue(SUBMITTED_REVIEW_COUNT, scores.reviewCount());
        variables.putValueTyped(REVIEW_SCORES, JsonVariables.json(scores.asVariable()));
        return variables;
    }

    private void decide(SeededDomainRows.Seeded seeded) {
        String task = tasks.createTaskQuery().processInstanceBusinessKey(seeded.reference()).taskDefinitionKey(TASK_DECIDE_ON_PROPOSAL)
                .singleResult().getId();
        identity.setAuthentication(committeeMember, List.of(StaffGroups.COMMITTEE));
        try {
            tasks.complete(task, Map.of(DECISION, "reject",
                    DECISION_FEEDBACK, "The committee thanks the cities; the call's budget is spent on proposals with a wider reach."));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The variables ProposalProcessStarter gives a submitted proposal (computed from the same domain objects). */
    private VariableMap startVariables(SeededDomainRows.Seeded seeded) {
        Instant now = seeded.submittedAt();
        City city = new City(seeded.cityName(), "ID", "Java", LocalGovernmentType.MUNICIPALITY, 250_000L, "Contact",
                "contact@seeded.example", now);
        // only for the variables: the call is not among them
        Proposal proposal = new Proposal(seeded.reference(), 1L, seeded.cityId(), PartnershipType.TWINNING, seeded.title(), "EUR", now);
        boolean foreign = seeded.state() != SeedState.INELIGIBLE;
        proposal.describe(ThematicArea.MOBILITY, "Transport planners of both cities exchange practice on bus rapid transit and feeder lines.",
                "1. Train planners.\n2. Pilot a feeder route.\n3. Publish a shared toolkit.", "Study visits, two workshops, a pilot route.");
        proposal.plan(now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).plusMonths(2), 18);
        proposal.budget(new BigDecimal("150000.00"), new BigDecimal("90000.00"), new BigDecimal("60000.00"));
        proposal.replacePartners(List.of(
                new PartnerCity(foreign ? "Toyama" : "Surakarta", foreign ? "JP" : "ID", PartnerRole.CO_LEAD, "international@toyama.example"),
                new PartnerCity(foreign ? "Kitakyushu" : "Magelang", foreign ? "JP" : "ID", PartnerRole.PARTNER, null)));
        proposal.replaceSdgs(List.of(9, 11, 13));
        proposal.replaceExpectedResults(List.of(new ExpectedResult("A corridor plan adopted by both councils", "Plans adopted", "2")));
        VariableMap variables = Variables.createVariables()
                .putValue(CALL_REFERENCE, "OPEN-2026")
                .putValue(CALL_MODE, "ROLLING")
                .putValue(PROPOSAL_ID, seeded.id())
                .putValueTyped(PROPOSAL, JsonVariables.json(ProposalSnapshot.of(proposal, city)))
                .putValue(PROPOSAL_REFERENCE, seeded.reference())
                .putValue(PROPOSAL_TITLE, seeded.title())
                .putValue(LEAD_CITY, seeded.cityName());
        // As ProposalProcessStarter: the eligibility decision's inputs and outcome are transient (read when it runs).
        return variables;
    }
}
