package org.twinflow.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.TestUsers;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.document.DocumentInfo;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentService;
import org.twinflow.followup.FollowUpService;
import org.twinflow.followup.Report;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.screening.ScreeningService;
import org.twinflow.system.StaffGroups;

/**
 * Shared set-up of the portal page tests: the one cached application context (H2, job executor off),
 * cities with their officers, and the staff's work in the process, done through the engine as Tasklist
 * would. Every test makes its own cities, so tests never see each other's proposals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
abstract class ProposalPageTestSupport {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NOT_PDF = "Just a text file renamed to .pdf".getBytes(StandardCharsets.US_ASCII);
    static final String SCRIPT_TITLE = "<script>alert(1)</script>";
    static final String ESCAPED_SCRIPT_TITLE = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired ProposalService proposals;
    @Autowired CommitteeDecisions decisions;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired DocumentService documents;
    @Autowired ScreeningService screening;
    @Autowired FollowUpService followUp;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired Clock clock;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    // --- people -------------------------------------------------------------------------------------

    /** A verified city with one officer; returns the officer's user id. */
    String newCityOfficer() {
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String officer = uniqueId("officer");
        cityAccounts.link(officer, city.getId());
        return officer;
    }

    Long cityOf(String officer) {
        return cityAccounts.requireCityOf(officer).getId();
    }

    static RequestPostProcessor asOfficer(String officer) {
        return user(officer).authorities(new SimpleGrantedAuthority("GROUP_" + StaffGroups.CITIES));
    }

    static RequestPostProcessor asStaff(String userId, String group) {
        return user(userId).authorities(new SimpleGrantedAuthority("GROUP_" + group));
    }

    /** A member of the reviewers group in Camunda's identity service. */
    String newReviewer() {
        String id = uniqueId("reviewer");
        return TestUsers.ensure(identityService, id, "Test", "Reviewer", id + "@reviewers.example", "pw-" + System.nanoTime(),
                StaffGroups.REVIEWERS);
    }

    /** A staff member with a name in Camunda's identity service, as an administrator creates them in Admin. */
    String newStaffMember(String firstName, String lastName, String group) {
        String id = uniqueId(firstName.toLowerCase(java.util.Locale.ROOT));
        return TestUsers.ensure(identityService, id, firstName, lastName, id + "@network.example", "pw-" + System.nanoTime(), group);
    }

    /** A verified city whose officer is a Camunda user with a name, as registration makes them; returns the officer's user id. */
    String newNamedCityOfficer(String firstName, String lastName) {
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String officer = uniqueId("city");
        TestUsers.ensure(identityService, officer, firstName, lastName, officer + "@semarang.example", "pw-" + System.nanoTime(),
                StaffGroups.CITIES);
        cityAccounts.link(officer, city.getId(), officer + "@semarang.example");
        return officer;
    }

    static String uniqueId(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "x" + Long.toString(System.nanoTime(), 36);
    }

    // --- proposals and the process ------------------------------------------------------------------------

    Proposal submit(String officer) {
        return submit(officer, ProposalFixtures.semarangToyamaMobility(cityOf(officer), LocalDate.now(clock)));
    }

    Proposal submit(String officer, ProposalDraft draft) {
        Proposal proposal = proposals.submitNew(draft, officer);
        Jobs.runAsync(managementService);
        return proposals.byReference(proposal.getReference());
    }

    Proposal submitTitled(String officer, String title) {
        return submit(officer, ProposalFixtures.mobilityProposal(cityOf(officer), LocalDate.now(clock), title,
                List.of(ProposalFixtures.toyama())));
    }

    Proposal draft(String officer) {
        return proposals.createDraft(ProposalFixtures.semarangToyamaMobility(cityOf(officer), LocalDate.now(clock)));
    }

    DocumentInfo attach(Proposal proposal, String fileName) {
        return documents.store(proposal.getId(), DocumentKind.LETTER_OF_INTENT, fileName, PDF, "test");
    }

    void askForClarification(Proposal proposal, String question) {
        complete(proposal, TASK_SCREEN_PROPOSAL, null, Map.of(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION, question));
    }

    /** Screened complete and assigned to two new reviewers; returns the reviewers' ids. */
    List<String> inReview(Proposal proposal) {
        complete(proposal, TASK_SCREEN_PROPOSAL, null, Map.of(SCREENING_OUTCOME, "complete"));
        List<String> reviewers = List.of(newReviewer(), newReviewer());
        complete(proposal, TASK_ASSIGN_REVIEWERS, null, Map.of(REVIEWERS, reviewers));
        return reviewers;
    }

    /** Reviewed by two reviewers (comments "Strong design." and "Clear budget.") and approved; returns the reviewers' ids. */
    List<String> approved(Proposal proposal) {
        return decided(proposal, "approve", "The committee approves the partnership.");
    }

    /** Reviewed by two reviewers (comments "Strong design." and "Clear budget.") and decided; returns the reviewers' ids. */
    List<String> decided(Proposal proposal, String decision, String feedback) {
        List<String> reviewers = inReview(proposal);
        score(proposal, reviewers.get(0), 4, "Strong design.");
        score(proposal, reviewers.get(1), 5, "Clear budget.");
        complete(proposal, TASK_DECIDE_ON_PROPOSAL, null, Map.of(DECISION, decision, DECISION_FEEDBACK, feedback));
        return reviewers;
    }

    void score(Proposal proposal, String reviewer, int score, String comment) {
        complete(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, reviewer, Map.of(CONFLICT_OF_INTEREST, "none"));
        complete(proposal, TASK_SCORE_PROPOSAL, reviewer, Map.of(SCORE_RELEVANCE, score, SCORE_SDG_CONTRIBUTION, score,
                SCORE_FEASIBILITY, score, SCORE_PARTNERSHIP_QUALITY, score, SCORE_SUSTAINABILITY, score,
                REVIEW_COMMENT, comment, RECOMMENDATION, "fund"));
    }

    /**
     * Approved, agreement uploaded and verified, and the engine clock moved past the end of the first
     * reporting period, whose timer has fired: the process waits for progress report 1.
     */
    Report waitingForFirstReport(Proposal proposal, String officer) {
        approved(proposal);
        documents.store(proposal.getId(), DocumentKind.SIGNED_AGREEMENT, "agreement.pdf", PDF, officer);
        followUp.uploadAgreement(proposal.getReference(), "agreement.pdf", officer);
        Jobs.runAsync(managementService);
        complete(proposal, TASK_VERIFY_AGREEMENT, null, Map.of(AGREEMENT_VERIFICATION, "verified"));
        Report first = followUp.reportsOf(proposal.getId()).get(0);
        ClockUtil.setCurrentTime(Date.from(first.getPeriodEnd().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant()));
        String followUpInstance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                .processInstanceBusinessKey(proposal.getReference()).singleResult().getId();
        managementService.createJobQuery().processInstanceId(followUpInstance).activityId(EVENT_REPORTING_PERIOD_ENDED).timers().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        Jobs.runAsync(managementService);
        return first;
    }

    /**
     * The people of {@link #namedJourney()}: the city's officer, the secretariat member who screened and assigned
     * the reviewers, the two reviewers and the committee member who decided.
     */
    record Journey(Proposal proposal, String officer, String secretary, List<String> reviewers, String committeeMember) {
    }

    /**
     * A proposal from submission to approval, each step done by a named person or by Twinflow itself:
     * submitted by Rina Wulandari of Semarang; screened by Sofia Reyes, who asks for clarification; the
     * clarification reminder sent by its timer; answered by the officer; screened complete and given to Amara
     * Okafor and Bao Tran, who score it; the scores aggregated; approved by Kofi Mensah. Staff work as in
     * Tasklist: they claim the task, then complete it.
     */
    Journey namedJourney() {
        String officer = newNamedCityOfficer("Rina", "Wulandari");
        String secretary = newStaffMember("Sofia", "Reyes", StaffGroups.SECRETARIAT);
        String committeeMember = newStaffMember("Kofi", "Mensah", StaffGroups.COMMITTEE);
        List<String> reviewers = List.of(newStaffMember("Amara", "Okafor", StaffGroups.REVIEWERS),
                newStaffMember("Bao", "Tran", StaffGroups.REVIEWERS));
        Proposal proposal = submit(officer);

        completeAs(proposal, TASK_SCREEN_PROPOSAL, secretary, Map.of(SCREENING_OUTCOME, "needs_clarification",
                CLARIFICATION_QUESTION, "Please attach the council resolution that approves the co-financing."));
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(proposal.getReference()).singleResult().getId();
        managementService.createJobQuery().processInstanceId(instance).activityId(BOUNDARY_CLARIFICATION_REMINDER_DUE).timers().list()
                .forEach(timer -> managementService.executeJob(timer.getId()));
        Jobs.runAsync(managementService);
        screening.answerClarification(proposal.getReference(), "Council resolution 12/2026 approves the co-financing.", officer);
        Jobs.runAsync(managementService);

        completeAs(proposal, TASK_SCREEN_PROPOSAL, secretary, Map.of(SCREENING_OUTCOME, "complete"));
        completeAs(proposal, TASK_ASSIGN_REVIEWERS, secretary, Map.of(REVIEWERS, reviewers));
        score(proposal, reviewers.get(0), 4, "Strong design.");
        score(proposal, reviewers.get(1), 5, "Clear budget.");
        completeAs(proposal, TASK_DECIDE_ON_PROPOSAL, committeeMember, Map.of(DECISION, "approve",
                DECISION_FEEDBACK, "The committee approves the partnership."));
        return new Journey(proposals.byReference(proposal.getReference()), officer, secretary, reviewers, committeeMember);
    }

    /** The timeline section of a proposal page. */
    static String timelineOf(String page) {
        int start = page.indexOf("<ol class=\"timeline\">");
        if (start < 0) {
            throw new AssertionError("no timeline on the page");
        }
        return page.substring(start, page.indexOf("</ol>", start));
    }

    /** A timeline that reads as words: no code of an event, status, notice, decision or form value, no "unknown". */
    static void assertInWords(String timeline) {
        org.assertj.core.api.Assertions.assertThat(timeline)
                .doesNotContainPattern("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b")
                .doesNotContainPattern("\\b[a-z]+(_[a-z]+)+\\b")
                .doesNotContainPattern("\\b(SUBMITTED|SCREENED|DECIDED|APPROVED|REJECTED|WITHDRAWN|CLOSED|CANCELLED|DRAFT|INELIGIBLE)\\b")
                .doesNotContain(">complete<", ">fund<", ">approve<", "twinflow<", "unknown", "??");
    }

    /** Completes the proposal's task with this key as this staff member does in Tasklist: claimed, then completed. */
    void completeAs(Proposal proposal, String taskKey, String userId, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new AssertionError("No task " + taskKey + " of " + proposal.getReference());
        }
        taskService.claim(task.getId(), userId);
        taskService.complete(task.getId(), variables);
        Jobs.runAsync(managementService);
    }

    /** Completes the proposal's task with this key (of this assignee, if given), then runs the jobs that follow. */
    void complete(Proposal proposal, String taskKey, String assignee, Map<String, Object> variables) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskDefinitionKey(taskKey);
        if (assignee != null) {
            query = query.taskAssignee(assignee);
        }
        List<Task> tasks = query.list();
        if (tasks.size() != 1) {
            throw new AssertionError("Expected one task " + taskKey + " of " + proposal.getReference() + " but found " + tasks.size());
        }
        taskService.complete(tasks.get(0).getId(), variables);
        Jobs.runAsync(managementService);
    }
}
