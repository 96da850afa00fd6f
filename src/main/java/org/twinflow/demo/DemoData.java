package org.twinflow.demo;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.twinflow.account.CityAccounts;
import org.twinflow.call.CallDraft;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallMode;
import org.twinflow.call.CallService;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.followup.FollowUpService;
import org.twinflow.proposal.ExpectedResult;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.PartnerRole;
import org.twinflow.proposal.PartnershipType;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.CallProperties;

/**
 * Demo profile only: accounts, two cities, proposals waiting at screening, review, decision and
 * follow-up, and a competitive call open next to the rolling first call. Everything goes through the
 * same services and process as real proposals; staff steps are completed as the demo staff would in
 * Tasklist. Runs once, on an empty database.
 */
@Component
@Profile("demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoAccounts accounts;
    private final DemoProperties properties;
    private final CityRepository cities;
    private final ProposalService proposals;
    private final FollowUpService followUp;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final CityAccounts cityAccounts;
    private final CallService calls;
    private final CallProperties callDefaults;
    private final Clock clock;

    DemoData(CallService calls, CallProperties callDefaults, DemoAccounts accounts, DemoProperties properties, CityRepository cities,
            ProposalService proposals, FollowUpService followUp, TaskService taskService, ManagementService managementService,
            CityAccounts cityAccounts, Clock clock) {
        this.calls = calls;
        this.callDefaults = callDefaults;
        this.accounts = accounts;
        this.properties = properties;
        this.cities = cities;
        this.proposals = proposals;
        this.followUp = followUp;
        this.taskService = taskService;
        this.managementService = managementService;
        this.cityAccounts = cityAccounts;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void load() {
        accounts.create(properties.password());
        if (cities.count() > 0) {
            return;
        }
        try {
            loadProposals();
        } catch (DemoStepStuck stuck) {
            log.warn("Demo data incomplete: {}. A step failed before it (see the warnings above, e.g. an unreachable mail "
                    + "server); the application runs, and the failed jobs are retried, then shown as incidents in Cockpit.", stuck.getMessage());
        }
    }

    private void loadProposals() {
        City surabaya = cities.save(new City("Surabaya", "ID", "East Java", LocalGovernmentType.MUNICIPALITY, 2_880_000L,
                "Dewi Lestari", "international@surabaya.example", clock.instant()).verifiedBySecretariat(clock.instant()));
        City chiangMai = cities.save(new City("เชียงใหม่ (Chiang Mai)", "TH", "Northern Thailand", LocalGovernmentType.MUNICIPALITY,
                131_000L, "Somchai Srisuk", "partnerships@chiangmai.example", clock.instant()).verifiedBySecretariat(clock.instant()));
        cityAccounts.link("surabaya", surabaya.getId(), "international@surabaya.example");
        cityAccounts.link("chiangmai", chiangMai.getId(), "partnerships@chiangmai.example");

        Proposal brt = submit(surabaya, "Bus rapid transit exchange Surabaya–Kitakyushu", ThematicArea.MOBILITY,
                List.of(new PartnerCity("Kitakyushu", "JP", PartnerRole.CO_LEAD, null)), List.of(11, 13), "surabaya");

        Proposal heritage = submit(chiangMai, "Living heritage and community tourism on the Mekong", ThematicArea.TOURISM_CULTURE,
                List.of(new PartnerCity("Luang Prabang", "LA", PartnerRole.PARTNER, null),
                        new PartnerCity("Hội An", "VN", PartnerRole.PARTNER, null)), List.of(8, 11, 17), "chiangmai");
        screenComplete(heritage);
        assignReviewers(heritage, List.of("amara", "bao", "chen"));

        Proposal flood = submit(surabaya, "Flood early warning for river cities", ThematicArea.CLIMATE_DRR,
                List.of(new PartnerCity("Đà Nẵng", "VN", PartnerRole.PARTNER, null),
                        new PartnerCity("Iloilo City", "PH", PartnerRole.PARTNER, null)), List.of(11, 13), "surabaya");
        screenComplete(flood);
        assignReviewers(flood, List.of("amara", "bao"));
        review(flood, "amara", 4, "Strong hazard mapping component; clarify data sharing.");
        review(flood, "bao", 5, "Excellent peer-learning design between three river deltas.");

        Proposal markets = submit(chiangMai, "Night markets and local economic development", ThematicArea.LOCAL_ECONOMY,
                List.of(new PartnerCity("Yogyakarta", "ID", PartnerRole.CO_LEAD, null)), List.of(8, 1), "chiangmai");
        screenComplete(markets);
        assignReviewers(markets, List.of("bao", "chen"));
        review(markets, "bao", 4, "Clear benefits for informal vendors.");
        review(markets, "chen", 4, "Good budget, realistic indicators.");
        complete(markets, "kofi", Map.of(DECISION, "approve", DECISION_FEEDBACK,
                "The committee approves the partnership and congratulates both cities."));
        runJobs();
        followUp.uploadAgreement(markets.getReference(), "signed-agreement-chiangmai-yogyakarta.pdf", "chiangmai");
        log.info("Demo data: {} in screening, {} in review, {} awaiting the committee, {} awaiting agreement verification",
                brt.getReference(), heritage.getReference(), flood.getReference(), markets.getReference());
        publishClimateCall();
    }

    /** A competitive call open for 30 days, next to the rolling first call: cities choose which one they apply to. */
    private void publishClimateCall() {
        ZoneId jakarta = ZoneId.of("Asia/Jakarta");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant closesAt = now.atZone(jakarta).toLocalDate().plusDays(30).atTime(17, 0).atZone(jakarta).toInstant();
        CallForProposals call = calls.create(new CallDraft("2027-CR", "Twinning for Climate Resilience 2027",
                "Cities facing floods, heat and sea-level rise learn from each other how to adapt and reduce disaster risk, and "
                        + "anchor that work in their local SDG plans. All proposals are reviewed, then ranked together after the deadline.",
                CallMode.COMPETITIVE, Set.of(ThematicArea.CLIMATE_DRR, ThematicArea.SDG_LOCALISATION), Set.of(11, 13), Set.of(), Set.of(),
                now, closesAt, jakarta, new BigDecimal("400000"), "EUR", new BigDecimal("150000"), callDefaults.maxFundingShare(),
                callDefaults.minDurationMonths(), callDefaults.maxDurationMonths(), callDefaults.reviewerCount(),
                callDefaults.reportingInterval()));
        calls.publish(call.getReference(), "sofia");
        runJobs();
        log.info("Demo data: call {} open until {}", call.getReference(), closesAt);
    }

    private Proposal submit(City lead, String title, ThematicArea area, List<PartnerCity> partners, List<Integer> sdgs, String actor) {
        ProposalDraft draft = new ProposalDraft(firstCallId(), lead.getId(), PartnershipType.DECENTRALISED_COOPERATION, area, title,
                "Two to three cities learn from each other's practice through staff exchanges, joint pilots and a shared toolkit.",
                "1. Exchange practice between city departments.\n2. Pilot one measure in each city.\n3. Publish a toolkit.",
                "Study visits, joint workshops, pilot projects, toolkit.",
                LocalDate.now(clock).plusMonths(3).withDayOfMonth(1), 18,
                new BigDecimal("150000.00"), new BigDecimal("90000.00"), new BigDecimal("60000.00"), "EUR",
                partners, sdgs, List.of(new ExpectedResult("Staff trained in partner practice", "Officials trained", "40")));
        Proposal proposal = proposals.submitNew(draft, actor);
        runJobs();
        return proposal;
    }

    private void screenComplete(Proposal proposal) {
        complete(proposal, "sofia", Map.of(SCREENING_OUTCOME, "complete"));
    }

    private void assignReviewers(Proposal proposal, List<String> reviewerIds) {
        complete(proposal, "sofia", Map.of(REVIEWERS, reviewerIds));
    }

    private void review(Proposal proposal, String reviewer, int score, String comment) {
        complete(proposal, reviewer, Map.of(CONFLICT_OF_INTEREST, "none"));
        complete(proposal, reviewer, Map.of(SCORE_RELEVANCE, score, SCORE_SDG_CONTRIBUTION, score, SCORE_FEASIBILITY, score,
                SCORE_PARTNERSHIP_QUALITY, score, SCORE_SUSTAINABILITY, score, REVIEW_COMMENT, comment, RECOMMENDATION, "fund"));
        runJobs();
    }

    /**
     * Completes the proposal's open task that the given demo user may work on, as that user would in Tasklist:
     * claimed first, so the timeline names who did it (nobody is signed in here).
     */
    private void complete(Proposal proposal, String userId, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .or().taskAssignee(userId).taskCandidateUser(userId).endOr()
                .orderByTaskCreateTime().asc().list().stream().findFirst()
                .orElseThrow(() -> new DemoStepStuck(proposal.getReference() + " has no task for " + userId));
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), userId);
        }
        taskService.complete(task.getId(), variables);
        runJobs();
    }

    /** A demo step found no task to complete, because an earlier step failed. */
    private static class DemoStepStuck extends RuntimeException {
        DemoStepStuck(String message) {
            super(message);
        }
    }

    /** Runs the asynchronous steps now, so that the next demo step finds its task. */
    private void runJobs() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException alreadyDoneByJobExecutor) {
                    // the job executor ran it first
                } catch (RuntimeException failed) {
                    // A notice that cannot be mailed (say docker compose's Mailpit is not up yet) must not stop the
                    // demo from starting: the job keeps its remaining retries and the job executor tries it later.
                    log.warn("Demo data: job {} ({}) failed and will be retried: {}", job.getId(), job.getProcessDefinitionKey(),
                            failed.getMessage());
                }
            }
        }
    }

    /** The rolling call every installation starts with (migration V013): the demo proposals are decided one by one. */
    private Long firstCallId() {
        return calls.all().stream().filter(c -> c.getMode() == CallMode.ROLLING).reduce((a, b) -> b)
                .orElseThrow().getId();
    }
}
