package org.twinflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;
import static org.twinflow.process.JsonVariables.json;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.approval.Decision;
import org.twinflow.approval.DecisionRecord;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.TestUsers;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.account.CityAccounts;
import org.twinflow.account.CityRegistrationService;
import org.twinflow.account.RegistrationForm;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.city.VerificationStatus;
import org.twinflow.followup.FollowUpService;
import org.twinflow.followup.Report;
import org.twinflow.followup.ReportStatus;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalSnapshot;
import org.twinflow.review.Recommendation;
import org.twinflow.review.Review;
import org.twinflow.review.ReviewService;
import org.twinflow.review.ReviewStatus;
import org.twinflow.system.StaffGroups;

/**
 * Every Camunda Form in {@code forms/} opened and completed in the real Tasklist in headless Chromium,
 * by one staff member who is in the secretariat, the reviewers and the committee. For each form: the
 * proposal's essentials (or the city's data) are rendered, a first Complete with the required fields
 * empty is refused by form-js ("Field is required.") and leaves the task open, and after filling the
 * required fields the task completes, the process moves on and the values reach the process with the
 * right types. One Chromium session, signed in once, serves the whole class. Screenshots:
 * target/screenshots/form-&lt;form id&gt;.png and form-&lt;form id&gt;-required.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TasklistFormsBrowserIT {

    static final String STAFF = "formsstaff";
    static final String REVIEWER_B = "formsreviewerb";
    static final String REVIEWER_C = "formsreviewerc";
    /** Added to the reviewers group during the class, as an administrator would in Camunda Admin. */
    static final String REVIEWER_D = "formsreviewerd";
    static final String PASSWORD = "forms-browser-password";
    static final String REQUIRED = "Field is required.";
    static final String BACK_FOR_ASSIGNMENT = "This proposal is back for reviewer assignment";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired CityRegistrationService cityRegistration;
    @Autowired ProposalService proposals;
    @Autowired CommitteeDecisions decisions;
    @Autowired ReviewService reviews;
    @Autowired FollowUpService followUp;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Clock clock;

    TwinflowBrowser browser;
    ChromeDriver chrome;
    WebDriverWait wait;
    City lead;

    @BeforeAll
    void startBrowserAndSignIn() throws Exception {
        createUser(STAFF, "Forma", "Staff", StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE);
        createUser(REVIEWER_B, "Bianca", "Formreviewer", StaffGroups.REVIEWERS);
        createUser(REVIEWER_C, "Carlos", "Formreviewer", StaffGroups.REVIEWERS);
        lead = cities.save(ProposalFixtures.semarang(clock.instant()));

        browser = TwinflowBrowser.start(port);
        chrome = browser.chrome;
        wait = browser.wait;
        browser.open("/camunda/app/tasklist/default/");
        browser.submitSignIn(STAFF, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        // Let Tasklist finish its first load (it ends by routing to a filter) before a deep link, or it may route the link away.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void shouldCompleteScreenProposalInTasklist() throws Exception {
        // given a submitted proposal waiting for screening
        Proposal proposal = submittedProposal("Screening form");
        Task task = task(proposal.getReference(), TASK_SCREEN_PROPOSAL, null);

        // when the officer opens the task, sees the essentials and completes it empty first
        openAndClaim(task, "screen-proposal", proposal.getReference(), proposal.getTitle());
        assertThat(browser.formText()).contains("Semarang", "Toyama", "Sustainable Mobility");
        completeEmptyAndExpectRequired(task, "screen-proposal");

        // and then as "complete"
        browser.chooseOption("Complete – send to review");
        complete(task, "screen-proposal");

        // then the process moves on to reviewer assignment with a String outcome
        assertThat(openTasks(proposal.getReference(), TASK_ASSIGN_REVIEWERS)).isEqualTo(1);
        assertHistoric(task.getProcessInstanceId(), SCREENING_OUTCOME, String.class, "complete");
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void shouldCompleteAssignReviewersInTasklist() throws Exception {
        // given a screened proposal waiting for its reviewers
        Proposal proposal = submittedProposal("Reviewer assignment form");
        screenViaApi(proposal);
        Task task = task(proposal.getReference(), TASK_ASSIGN_REVIEWERS, null);

        // when the officer opens it and completes it empty first
        openAndClaim(task, "assign-reviewers", proposal.getReference(), proposal.getTitle());
        assertThat(browser.formText()).contains("Not enough reviewers selected yet").doesNotContain(BACK_FOR_ASSIGNMENT);
        completeEmptyAndExpectRequired(task, "assign-reviewers");

        // and then with two reviewers ticked
        browser.chooseOption("(" + STAFF + ")");
        browser.chooseOption("(" + REVIEWER_B + ")");
        try {
            new WebDriverWait(chrome, Duration.ofSeconds(5)).until(d -> !browser.formText().contains("Not enough reviewers selected yet"));
        } catch (org.openqa.selenium.TimeoutException notTicked) {
            Chromium.screenshot(chrome, "form-assign-reviewers-not-ticked");
            throw new AssertionError("assign-reviewers: the checklist 'reviewers' (Field_Reviewers) ignores ticked boxes, the form still shows '"
                    + browser.formText().replaceAll("(?s).*(Not enough reviewers selected yet[^\n]*).*", "$1") + "'. Script errors in Tasklist: "
                    + chrome.executeScript("return JSON.stringify(window.__twinflowErrors || []);")
                    + ". The task's variable 'reviewers' is " + taskService.getVariableTyped(task.getId(), REVIEWERS)
                    + " (form-js 1.8 cannot tick into a null list: ReviewerAssignmentTaskListener must start it empty)", notTicked);
        }
        Chromium.screenshot(chrome, "form-assign-reviewers-ticked");
        complete(task, "assign-reviewers");

        // then the review starts for both, with "reviewers" a list of user ids
        Object reviewers = runtimeService.getVariable(task.getProcessInstanceId(), REVIEWERS);
        assertThat(reviewers).isInstanceOf(List.class);
        assertThat((List<Object>) reviewers).containsExactlyInAnyOrder(STAFF, REVIEWER_B);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(TASK_DECLARE_CONFLICT_OF_INTEREST).list())
                .extracting(Task::getAssignee).containsExactlyInAnyOrder(STAFF, REVIEWER_B);
        assertThat(reviews.reviewsOf(proposal.getId())).extracting(Review::getReviewerId).containsExactlyInAnyOrder(STAFF, REVIEWER_B);
    }

    @Test
    @Order(3)
    void shouldCompleteDeclareConflictOfInterestInTasklist() throws Exception {
        // given a proposal assigned to the staff member and another reviewer
        Proposal proposal = submittedProposal("Conflict of interest form");
        screenViaApi(proposal);
        assignViaApi(proposal, STAFF, REVIEWER_B);
        Task task = task(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, STAFF);

        // when the reviewer opens the declaration and completes it empty first
        openAndClaim(task, "declare-conflict-of-interest", proposal.getReference(), proposal.getTitle());
        completeEmptyAndExpectRequired(task, "declare-conflict-of-interest");

        // and then declares a conflict, which makes the description required too
        browser.chooseOption("I declare a conflict of interest");
        browser.clickComplete();
        wait.until(d -> browser.formText().contains(REQUIRED));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        browser.fill("Describe the conflict of interest", "I advised the transport agency of Semarang in 2025.");
        complete(task, "declare-conflict-of-interest");

        // then the secretariat must assign a replacement, and the declaration is recorded with String values
        assertThat(openTasks(proposal.getReference(), TASK_ASSIGN_REPLACEMENT_REVIEWER)).isEqualTo(1);
        assertThat(reviewOf(proposal, STAFF).getStatus()).isEqualTo(ReviewStatus.CONFLICT_DECLARED);
        assertThat(reviewOf(proposal, STAFF).getConflictDescription()).contains("transport agency of Semarang");
        assertHistoric(task.getProcessInstanceId(), CONFLICT_OF_INTEREST, String.class, "declared");
    }

    @Test
    @Order(4)
    void shouldCompleteAssignReplacementReviewerInTasklist() throws Exception {
        // given a proposal whose reviewer B declared a conflict of interest
        Proposal proposal = submittedProposal("Replacement reviewer form");
        screenViaApi(proposal);
        assignViaApi(proposal, STAFF, REVIEWER_B);
        taskService.complete(task(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, REVIEWER_B).getId(),
                Map.of(CONFLICT_OF_INTEREST, "declared", CONFLICT_DESCRIPTION, "My sister works for Toyama city hall."));
        Task task = task(proposal.getReference(), TASK_ASSIGN_REPLACEMENT_REVIEWER, null);

        // when the officer opens the task and completes it empty first
        openAndClaim(task, "assign-replacement-reviewer", proposal.getReference(), proposal.getTitle());
        assertThat(browser.formText()).contains(REVIEWER_B, "My sister works for Toyama city hall.").doesNotContain("No reviewer is free");
        completeEmptyAndExpectRequired(task, "assign-replacement-reviewer");

        // and then assigns a replacement, picking reviewer C in the select
        browser.chooseOption("Assign a replacement reviewer");
        browser.select("Replacement reviewer", "(" + REVIEWER_C + ")");
        complete(task, "assign-replacement-reviewer");

        // then reviewer C declares next, and the replacement arrived as a String user id
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(TASK_DECLARE_CONFLICT_OF_INTEREST).taskAssignee(REVIEWER_C).count()).isEqualTo(1);
        assertThat(reviews.reviewsOf(proposal.getId())).extracting(Review::getReviewerId).contains(REVIEWER_C);
        assertHistoric(task.getProcessInstanceId(), REPLACEMENT_REVIEWER, String.class, REVIEWER_C);
        assertHistoric(task.getProcessInstanceId(), REPLACEMENT_OUTCOME, String.class, "replace");
    }

    @Test
    @Order(5)
    void shouldCompleteReviewProposalInTasklist() throws Exception {
        // given a proposal the staff member reviews without a conflict
        Proposal proposal = submittedProposal("Review form");
        screenViaApi(proposal);
        assignViaApi(proposal, STAFF, REVIEWER_B);
        taskService.complete(task(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, STAFF).getId(),
                Map.of(CONFLICT_OF_INTEREST, "none"));
        Task task = task(proposal.getReference(), TASK_SCORE_PROPOSAL, STAFF);

        // when the reviewer opens the review and completes it empty first
        openAndClaim(task, "review-proposal", proposal.getReference(), proposal.getTitle());
        completeEmptyAndExpectRequired(task, "review-proposal");

        // and then scores, comments and recommends
        browser.fill("Relevance to the thematic area", "4");
        browser.fill("Contribution to the SDGs", "5");
        browser.fill("Feasibility of work plan and budget", "3");
        browser.fill("Quality and balance of the partnership", "4");
        browser.fill("Sustainability of results", "2");
        wait.until(d -> browser.formText().contains("Average of your scores: 3.6"));
        browser.chooseOption("Fund with changes");
        browser.fill("Feedback on the proposal", "Strong exchange; the feeder-bus pilot needs a maintenance budget.");
        complete(task, "review-proposal");

        // then the review is stored with whole-number scores and the branch ends
        Review review = reviewOf(proposal, STAFF);
        assertThat(review.getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
        assertThat(List.of(review.getScoreRelevance(), review.getScoreSdgContribution(), review.getScoreFeasibility(),
                review.getScorePartnershipQuality(), review.getScoreSustainability())).containsExactly(4, 5, 3, 4, 2);
        assertThat(review.getRecommendation()).isEqualTo(Recommendation.FUND_WITH_CHANGES);
        assertHistoric(task.getProcessInstanceId(), SCORE_RELEVANCE, Integer.class, 4);
        assertHistoric(task.getProcessInstanceId(), SCORE_SUSTAINABILITY, Integer.class, 2);
        assertHistoric(task.getProcessInstanceId(), RECOMMENDATION, String.class, "fund_with_changes");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(TASK_SCORE_PROPOSAL).taskAssignee(STAFF).count()).isZero();
        assertThat(openTasks(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void shouldCompleteDecideOnProposalInTasklist() throws Exception {
        // given a proposal reviewed by B and C and waiting for the committee
        Proposal proposal = submittedProposal("Decision form");
        screenViaApi(proposal);
        assignViaApi(proposal, REVIEWER_B, REVIEWER_C);
        reviewViaApi(proposal, REVIEWER_B, 4, "fund");
        reviewViaApi(proposal, REVIEWER_C, 3, "fund_with_changes");
        Jobs.runAsync(managementService);
        Task task = task(proposal.getReference(), TASK_DECIDE_ON_PROPOSAL, null);

        // when the committee member opens the decision, sees the review results and completes it empty first
        openAndClaim(task, "decide-on-proposal", proposal.getReference(), proposal.getTitle());
        assertThat(browser.formText()).contains("Review results", "2 reviews");
        completeEmptyAndExpectRequired(task, "decide-on-proposal");

        // and then approves with conditions, which needs the conditions and the letter
        browser.chooseOption("Approve with conditions");
        browser.fill("Conditions of approval", "Add a maintenance budget for the feeder-bus pilot.");
        browser.fill("Decision letter text for the applicant", "The committee approves your partnership with one condition.");
        complete(task, "decide-on-proposal");

        // then the decision is recorded as a String and the follow-up starts
        Jobs.runAsync(managementService);
        assertHistoric(task.getProcessInstanceId(), DECISION, String.class, "approve_with_conditions");
        Proposal decided = proposals.byReference(proposal.getReference());
        DecisionRecord decision = decisions.of(decided.getId()).orElseThrow();
        assertThat(decision.decision()).isEqualTo(Decision.APPROVE_WITH_CONDITIONS);
        assertThat(decision.conditions()).contains("maintenance budget");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                .processInstanceBusinessKey(proposal.getReference()).count()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void shouldCompleteVerifyAgreementInTasklist() throws Exception {
        // given an approved partnership whose signed agreement was uploaded
        Proposal proposal = submittedProposal("Agreement form");
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("fileName", "agreement-semarang-toyama.pdf");
        agreement.put("uploadedAt", clock.instant().toString());
        Map<String, Object> variables = followUpVariables(proposal);
        variables.put(AGREEMENT, json(agreement));
        ProcessInstance followUpInstance = startFollowUpBefore(proposal, TASK_VERIFY_AGREEMENT, variables);
        Task task = task(followUpInstance, TASK_VERIFY_AGREEMENT);

        // when the officer opens the verification and completes it empty first
        openAndClaim(task, "verify-agreement", proposal.getReference(), proposal.getTitle());
        assertThat(browser.formText()).contains("agreement-semarang-toyama.pdf");
        completeEmptyAndExpectRequired(task, "verify-agreement");

        // and then asks for a corrected agreement, which needs a note
        browser.chooseOption("Ask the applicant for a corrected agreement");
        browser.clickComplete();
        wait.until(d -> browser.formText().contains(REQUIRED));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        browser.fill("What must be corrected", "Page 3 lacks the signature of Toyama's mayor.");
        complete(task, "verify-agreement");

        // then the applicant is asked again and the process waits for a new upload
        Jobs.runAsync(managementService);
        assertHistoric(followUpInstance.getId(), AGREEMENT_VERIFICATION, String.class, "rejected");
        assertHistoric(followUpInstance.getId(), AGREEMENT_NOTE, String.class, "Page 3 lacks the signature of Toyama's mayor.");
        assertThat(runtimeService.getActiveActivityIds(followUpInstance.getId())).containsExactly(TASK_AWAIT_SIGNED_AGREEMENT);
    }

    @Test
    @Order(8)
    void shouldCompleteReviewProgressReportInTasklist() throws Exception {
        // given a partnership whose first progress report was submitted
        Proposal proposal = submittedProposal("Progress report form");
        List<Long> reportIds = followUp.planReporting(proposal.getId());
        Long reportId = reportIds.get(0);
        Map<String, Object> variables = followUpVariables(proposal);
        variables.put(REPORT_ID, reportId);
        variables.put(PROGRESS_REPORT_IDS, json(new ArrayList<>(reportIds.subList(0, reportIds.size() - 1))));
        variables.put(REPORT_DUE_DATE, Date.from(followUp.report(reportId).getDueDate().atStartOfDay(ZoneOffset.UTC).toInstant()));
        variables.put(FINAL_REPORT_ID, reportIds.get(reportIds.size() - 1));
        variables.put(REPORT, json(submittedReport(reportId, "First six months: two study visits to Toyama.")));
        ProcessInstance followUpInstance = startFollowUpBefore(proposal, TASK_REVIEW_PROGRESS_REPORT, variables);
        Task task = task(followUpInstance, TASK_REVIEW_PROGRESS_REPORT);

        // when the officer opens the report review and completes it empty first
        openAndClaim(task, "review-progress-report", proposal.getReference(), proposal.getTitle());
        assertThat(browser.formText()).contains("First six months: two study visits to Toyama.", "Officials trained");
        completeEmptyAndExpectRequired(task, "review-progress-report");

        // and then requests changes, which needs feedback
        browser.chooseOption("Request changes");
        browser.clickComplete();
        wait.until(d -> browser.formText().contains(REQUIRED));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        browser.fill("Changes requested", "Add the participants by gender.");
        complete(task, "review-progress-report");

        // then the report goes back to the applicant and the process waits for it again
        Jobs.runAsync(managementService);
        assertHistoric(followUpInstance.getId(), REPORT_REVIEW, String.class, "request_changes");
        Report report = followUp.report(reportId);
        assertThat(report.getStatus()).isEqualTo(ReportStatus.CHANGES_REQUESTED);
        assertThat(report.getReviewNote()).isEqualTo("Add the participants by gender.");
        assertThat(runtimeService.getActiveActivityIds(followUpInstance.getId())).contains(TASK_AWAIT_PROGRESS_REPORT);
    }

    @Test
    @Order(9)
    void shouldCompleteEvaluateFinalReportInTasklist() throws Exception {
        // given a partnership whose final report was submitted
        Proposal proposal = submittedProposal("Final report form");
        List<Long> reportIds = followUp.planReporting(proposal.getId());
        Long finalReportId = reportIds.get(reportIds.size() - 1);
        Map<String, Object> variables = followUpVariables(proposal);
        variables.put(FINAL_REPORT_ID, finalReportId);
        variables.put(REPORT, json(submittedReport(finalReportId, "Eighteen months: the feeder-bus route runs daily.")));
        ProcessInstance followUpInstance = startFollowUpBefore(proposal, TASK_EVALUATE_FINAL_REPORT, variables);
        Task task = task(followUpInstance, TASK_EVALUATE_FINAL_REPORT);

        // when the officer opens the evaluation and completes it empty first
        openAndClaim(task, "evaluate-final-report", proposal.getReference(), proposal.getTitle());
        assertThat(browser.formText()).contains("Eighteen months: the feeder-bus route runs daily.");
        completeEmptyAndExpectRequired(task, "evaluate-final-report");

        // and then accepts with a rating, which is required too, and a summary
        browser.chooseOption("Accept report");
        browser.fill("Evaluation summary", "Objectives met; the route continues with city funding.");
        browser.clickComplete();
        wait.until(d -> browser.formText().contains(REQUIRED));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        browser.fill("Evaluation rating", "4");
        complete(task, "evaluate-final-report");

        // then the partnership is closed, with an Integer rating
        Jobs.runAsync(managementService);
        assertHistoric(followUpInstance.getId(), FINAL_REPORT_REVIEW, String.class, "accept");
        assertHistoric(followUpInstance.getId(), EVALUATION_RATING, Integer.class, 4);
        assertThat(followUp.recordOf(proposal.getId()).orElseThrow().evaluationRating()).isEqualTo(4);
        assertThat(followUp.report(finalReportId).getStatus()).isEqualTo(ReportStatus.ACCEPTED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(followUpInstance.getId()).count()).isZero();
        assertHistoric(followUpInstance.getId(), FOLLOW_UP_OUTCOME, String.class, "closed");
    }

    @Test
    @Order(10)
    void shouldCompleteVerifyCityInTasklist() throws Exception {
        // given a city that has just registered
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        RegistrationForm form = new RegistrationForm();
        form.setFirstName("Nguyen");
        form.setLastName("Hoa");
        form.setEmail("international." + suffix + "@hue.example");
        form.setPassword("Hue-twinning-2027");
        form.setPasswordConfirmation("Hue-twinning-2027");
        form.setCityName("Huế " + suffix);
        form.setCountryCode("VN");
        form.setRegion("North Central Coast");
        form.setGovernmentType(LocalGovernmentType.MUNICIPALITY);
        form.setPopulation(652_572L);
        form.setWebsite("https://hue.gov.vn");
        form.setLegalRepresentative("Chairman of the People's Committee");
        String officer = cityRegistration.register(form);
        City city = cityAccounts.requireCityOf(officer);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("CITY-" + city.getId()).singleResult();

        // when the officer opens the verification and completes it empty first
        openAndClaim(task, "verify-city", "Huế " + suffix, "Chairman of the People's Committee");
        assertThat(browser.formText()).contains("https://hue.gov.vn", "international." + suffix + "@hue.example");
        completeEmptyAndExpectRequired(task, "verify-city");

        // and then rejects the registration, which needs a reason
        browser.chooseOption("Reject the registration");
        browser.clickComplete();
        wait.until(d -> browser.formText().contains(REQUIRED));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        browser.fill("Reason, shown to the officer", "We could not reach the city hall at the given number.");
        complete(task, "verify-city");

        // then the registration process ends and the city is rejected
        assertHistoric(task.getProcessInstanceId(), "cityVerification", String.class, "reject");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
        assertThat(cities.findById(city.getId()).orElseThrow().getVerificationStatus()).isEqualTo(VerificationStatus.REJECTED);
    }

    @Test
    @Order(11)
    void shouldCompleteHandleOverdueReviewInTasklist() throws Exception {
        // given a review by reviewer B escalated to the secretariat a week after its deadline
        Proposal proposal = submittedProposal("Overdue review form");
        screenViaApi(proposal);
        assignViaApi(proposal, STAFF, REVIEWER_B);
        taskService.complete(task(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, REVIEWER_B).getId(),
                Map.of(CONFLICT_OF_INTEREST, "none"));
        String instance = task(proposal.getReference(), TASK_SCORE_PROPOSAL, REVIEWER_B).getProcessInstanceId();
        managementService.createJobQuery().processInstanceId(instance).timers().activityId(BOUNDARY_REVIEW_ESCALATION_DUE).list()
                .stream().filter(job -> REVIEWER_B.equals(runtimeService.getVariable(job.getExecutionId(), REVIEWER)))
                .forEach(job -> managementService.executeJob(job.getId()));
        Jobs.runAsync(managementService);
        Task task = task(proposal.getReference(), TASK_HANDLE_OVERDUE_REVIEW, null);

        // when the officer opens the task and completes it empty first
        openAndClaim(task, "handle-overdue-review", proposal.getReference(), proposal.getTitle(), REVIEWER_B);
        completeEmptyAndExpectRequired(task, "handle-overdue-review");

        // and then gives the review to reviewer C, which needs the new reviewer
        browser.chooseOption("Give the review to another reviewer");
        browser.clickComplete();
        wait.until(d -> browser.formText().contains(REQUIRED));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        browser.select("New reviewer", "(" + REVIEWER_C + ")");
        complete(task, "handle-overdue-review");

        // then reviewer C declares next in the same process instance, and B's review is withdrawn
        Jobs.runAsync(managementService);
        assertHistoric(instance, OVERDUE_REVIEW_ACTION, String.class, "reassign");
        assertHistoric(instance, NEW_REVIEWER, String.class, REVIEWER_C);
        assertThat(task(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, REVIEWER_C).getProcessInstanceId()).isEqualTo(instance);
        assertThat(reviewOf(proposal, REVIEWER_B).getStatus()).isEqualTo(ReviewStatus.WITHDRAWN);
    }

    @Test
    @Order(12)
    void shouldCompleteHandleOverdueAgreementInTasklist() throws Exception {
        // given an approved partnership whose signed agreement did not arrive by its deadline
        Proposal proposal = submittedProposal("Overdue agreement form");
        Map<String, Object> variables = followUpVariables(proposal);
        variables.put(AGREEMENT_DUE_AT, Date.from(clock.instant().minus(Duration.ofDays(1))));
        ProcessInstance followUpInstance = startFollowUpBefore(proposal, TASK_HANDLE_OVERDUE_AGREEMENT, variables);
        Task task = task(followUpInstance, TASK_HANDLE_OVERDUE_AGREEMENT);

        // when the officer opens the task and completes it empty first
        openAndClaim(task, "handle-overdue-agreement", proposal.getReference(), proposal.getTitle(), "Signed agreement overdue");
        completeEmptyAndExpectRequired(task, "handle-overdue-agreement");

        // and then gives the applicant 21 more days, which needs the number of days
        browser.chooseOption("Give the applicant more time");
        browser.clickComplete();
        wait.until(d -> browser.formText().contains(REQUIRED));
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
        browser.fill("Extra days for the applicant", "21");
        complete(task, "handle-overdue-agreement");

        // then the process waits for the agreement again, until the new deadline, with an Integer number of days
        Jobs.runAsync(managementService);
        assertHistoric(followUpInstance.getId(), OVERDUE_AGREEMENT_ACTION, String.class, "extend");
        assertHistoric(followUpInstance.getId(), EXTENSION_DAYS, Integer.class, 21);
        assertThat(runtimeService.getActiveActivityIds(followUpInstance.getId())).containsExactly(TASK_AWAIT_SIGNED_AGREEMENT);
        assertThat(Duration.between(clock.instant(), followUp.recordOf(proposal.getId()).orElseThrow().agreementDueAt()))
                .isBetween(Duration.ofDays(21).minusMinutes(5), Duration.ofDays(21));
    }

    @Test
    @Order(13)
    void shouldCompleteFollowUpOverdueReportInTasklist() throws Exception {
        // given a partnership whose final report is long overdue
        Proposal proposal = submittedProposal("Overdue report form");
        Map<String, Object> variables = followUpVariables(proposal);
        variables.put(REPORT, json(Map.of("kind", "FINAL", "periodNumber", 1, "dueDate", "2028-10-01")));
        ProcessInstance followUpInstance = startFollowUpBefore(proposal, TASK_FOLLOW_UP_OVERDUE_FINAL_REPORT, variables);
        Task task = task(followUpInstance, TASK_FOLLOW_UP_OVERDUE_FINAL_REPORT);

        // when the officer opens the task and completes it empty first
        openAndClaim(task, "follow-up-overdue-report", proposal.getReference(), proposal.getTitle(), "2028-10-01");
        completeEmptyAndExpectRequired(task, "follow-up-overdue-report");

        // and then records what was agreed with the city
        browser.fill("What was agreed with the city", "Phoned the international office: the report comes by 15 November.");
        complete(task, "follow-up-overdue-report");

        // then the note is kept, as a String, on the proposal's internal timeline
        assertHistoric(followUpInstance.getId(), OVERDUE_REPORT_NOTE, String.class,
                "Phoned the international office: the report comes by 15 November.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry WHERE proposal_id = ? AND event = 'OVERDUE_REPORT_FOLLOWED_UP'",
                Integer.class, proposal.getId())).isOne();
    }

    @Test
    @Order(14)
    void shouldLookAgainInTasklistWhenNoReviewerIsFree() throws Exception {
        // given every member of the reviewers group reviews a proposal, and reviewer B declares a conflict
        Proposal proposal = submittedProposal("No free reviewer form");
        screenViaApi(proposal);
        assignViaApi(proposal, identityService.createUserQuery().memberOfGroup(StaffGroups.REVIEWERS).list().stream()
                .map(User::getId).toArray(String[]::new));
        taskService.complete(task(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, REVIEWER_B).getId(),
                Map.of(CONFLICT_OF_INTEREST, "declared", CONFLICT_DESCRIPTION, "I chair the Toyama twinning committee."));
        Task task = task(proposal.getReference(), TASK_ASSIGN_REPLACEMENT_REVIEWER, null);

        // when the officer opens the replacement task, it says that nobody is free
        openAndClaim(task, "assign-replacement-reviewer-nobody-free", proposal.getReference(), "No reviewer is free");

        // and after an administrator has added reviewer D in Camunda Admin, the officer looks again
        createUser(REVIEWER_D, "Dara", "Formreviewer", StaffGroups.REVIEWERS);
        browser.chooseOption("Look again for free reviewers");
        complete(task, "assign-replacement-reviewer-nobody-free");

        // then the task comes back at once, offering reviewer D, who can be assigned
        Task again = task(proposal.getReference(), TASK_ASSIGN_REPLACEMENT_REVIEWER, null);
        assertThat(again.getId()).isNotEqualTo(task.getId());
        openAndClaim(again, "assign-replacement-reviewer-looked-again", proposal.getReference(), REVIEWER_B);
        assertThat(browser.formText()).doesNotContain("No reviewer is free");
        browser.chooseOption("Assign a replacement reviewer");
        // "You are assigned to the following tasks in the same process": the officer is one of the reviewers
        browser.dismissNotifications();
        browser.select("Replacement reviewer", "(" + REVIEWER_D + ")");
        complete(again, "assign-replacement-reviewer-looked-again");
        assertThat(task(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, REVIEWER_D)).isNotNull();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .variableName(REPLACEMENT_OUTCOME).list()).extracting(HistoricVariableInstance::getValue)
                .filteredOn(value -> value != null).containsOnly("look_again", "replace");
    }

    @Test
    @Order(15)
    void shouldSayWhyAProposalIsBackForReviewerAssignment() throws Exception {
        // given a proposal whose review round ended without any submitted review
        Proposal proposal = submittedProposal("Back for assignment form");
        runtimeService.deleteProcessInstance(task(proposal.getReference(), TASK_SCREEN_PROPOSAL, null).getProcessInstanceId(), "test set-up");
        Map<String, Object> variables = followUpVariables(proposal);
        variables.put(SUBMITTED_REVIEW_COUNT, 0);
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(ProposalProcess.PROCESS_KEY)
                .businessKey(proposal.getReference()).startBeforeActivity(TASK_ASSIGN_REVIEWERS).setVariables(variables).execute();

        // when the officer opens reviewer assignment, the form says why it is back
        Task task = task(instance, TASK_ASSIGN_REVIEWERS);
        openAndClaim(task, "assign-reviewers-again", proposal.getReference(), BACK_FOR_ASSIGNMENT);
    }

    // --- fixtures through the services and the engine ------------------------------------------------

    private void createUser(String id, String first, String last, String... groups) {
        TestUsers.ensure(identityService, id, first, last, id + "@staff.example", PASSWORD, groups);
    }

    /** A submitted proposal of the verified lead city, waiting at screening. */
    private Proposal submittedProposal(String title) {
        Proposal proposal = proposals.submitNew(ProposalFixtures.mobilityProposal(lead.getId(), LocalDate.now(clock),
                title + " Semarang–Toyama", List.of(ProposalFixtures.toyama())), "semarang");
        Jobs.runAsync(managementService);
        return proposals.byReference(proposal.getReference());
    }

    private void screenViaApi(Proposal proposal) {
        taskService.complete(task(proposal.getReference(), TASK_SCREEN_PROPOSAL, null).getId(), Map.of(SCREENING_OUTCOME, "complete"));
        Jobs.runAsync(managementService);
    }

    private void assignViaApi(Proposal proposal, String... reviewerIds) {
        taskService.complete(task(proposal.getReference(), TASK_ASSIGN_REVIEWERS, null).getId(),
                Map.of(REVIEWERS, List.of(reviewerIds)));
        Jobs.runAsync(managementService);
    }

    private void reviewViaApi(Proposal proposal, String reviewer, int score, String recommendation) {
        taskService.complete(task(proposal.getReference(), TASK_DECLARE_CONFLICT_OF_INTEREST, reviewer).getId(),
                Map.of(CONFLICT_OF_INTEREST, "none"));
        Map<String, Object> scores = new HashMap<>();
        scores.put(SCORE_RELEVANCE, score);
        scores.put(SCORE_SDG_CONTRIBUTION, score);
        scores.put(SCORE_FEASIBILITY, score);
        scores.put(SCORE_PARTNERSHIP_QUALITY, score);
        scores.put(SCORE_SUSTAINABILITY, score);
        scores.put(REVIEW_COMMENT, "Reviewed by " + reviewer);
        scores.put(RECOMMENDATION, recommendation);
        taskService.complete(task(proposal.getReference(), TASK_SCORE_PROPOSAL, reviewer).getId(), scores);
        Jobs.runAsync(managementService);
    }

    private Map<String, Object> followUpVariables(Proposal proposal) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(PROPOSAL_ID, proposal.getId());
        variables.put(PROPOSAL, json(ProposalSnapshot.of(proposal, proposals.leadCityOf(proposal))));
        return variables;
    }

    private ProcessInstance startFollowUpBefore(Proposal proposal, String activityId, Map<String, Object> variables) {
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                .businessKey(proposal.getReference())
                .startBeforeActivity(activityId)
                .setVariables(variables)
                .execute();
        Jobs.runAsync(managementService);
        return instance;
    }

    /** Marks a planned report as submitted by the applicant (its period need not have ended) and returns the form's {@code report}. */
    private Map<String, Object> submittedReport(Long reportId, String narrative) {
        transactions.executeWithoutResult(status -> jdbc.update("UPDATE report SET status = 'SUBMITTED', narrative = ?, "
                + "activities_done = ?, participants_women = 14, participants_men = 11, participants_other = 1, "
                + "submitted_at = CURRENT_TIMESTAMP WHERE id = ?", narrative, "Study visits and a joint workshop.", reportId));
        Report report = followUp.report(reportId);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", report.getKind().name());
        map.put("periodNumber", report.getPeriodNumber());
        map.put("dueDate", report.getDueDate().toString());
        map.put("submittedAt", clock.instant().toString());
        map.put("narrative", narrative);
        map.put("activitiesDone", "Study visits and a joint workshop.");
        map.put("participantsWomen", 14);
        map.put("participantsMen", 11);
        map.put("participantsOther", 1);
        map.put("indicatorValues", List.of(Map.of("indicator", "Officials trained", "target", "30", "achieved", "12")));
        return map;
    }

    private Task task(String businessKey, String taskKey, String assignee) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey);
        if (assignee != null) {
            query.taskAssignee(assignee);
        }
        return query.singleResult();
    }

    private Task task(ProcessInstance instance, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("task %s", taskKey).isNotNull();
        return task;
    }

    private long openTasks(String businessKey, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).count();
    }

    private Review reviewOf(Proposal proposal, String reviewer) {
        return reviews.reviewsOf(proposal.getId()).stream().filter(r -> reviewer.equals(r.getReviewerId())).findFirst().orElseThrow();
    }

    /** Every historic instance of the variable in the process instance (process-wide or task-local) has the value and type. */
    private void assertHistoric(String processInstanceId, String name, Class<?> type, Object value) {
        List<HistoricVariableInstance> instances = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(name).list();
        // empty input parameters (<camunda:inputParameter name="x" />) leave null instances in other scopes: skip those
        instances = instances.stream().filter(v -> v.getValue() != null).toList();
        assertThat(instances).as("historic variable %s", name).isNotEmpty();
        assertThat(instances).allSatisfy(v -> {
            assertThat(v.getValue()).as("%s", name).isInstanceOf(type);
            assertThat(v.getValue()).as("%s", name).isEqualTo(value);
        });
    }

    // --- Tasklist in Chromium --------------------------------------------------------------------------

    /** Opens the task by deep link, waits for the form and the expected texts, screenshots it and claims a group task. */
    private void openAndClaim(Task task, String formId, String... expectedTexts) throws Exception {
        assertThat(task).as("task for form %s", formId).isNotNull();
        browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        chrome.executeScript("if (!window.__twinflowErrors) { window.__twinflowErrors = [];"
                + " window.addEventListener('error', e => window.__twinflowErrors.push(String(e.message)));"
                + " const log = console.error; console.error = function () { window.__twinflowErrors.push(Array.from(arguments).map(String).join(' ')); log.apply(console, arguments); }; }");
        for (String text : expectedTexts) {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), text));
        }
        Chromium.screenshot(chrome, "form-" + formId);
        if (task.getAssignee() == null) {
            browser.claim();
            wait.until(d -> STAFF.equals(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
        }
        By completeButton = By.cssSelector("button[ng-click='complete()']");
        try {
            new WebDriverWait(chrome, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(completeButton));
        } catch (TimeoutException staleView) {
            // The deep link changes only the URL's fragment, so Tasklist keeps its page; now and then (seen in CI, under
            // load) its task view misses the claim's refresh although the server has the claim. A person reloads.
            Chromium.screenshot(chrome, "form-" + formId + "-claim-not-shown");
            chrome.navigate().refresh();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
            wait.until(ExpectedConditions.elementToBeClickable(completeButton));
        }
        for (String text : expectedTexts) {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), text));
        }
    }

    /** Presses Complete with nothing filled in: form-js must refuse it and the task must stay open. */
    private void completeEmptyAndExpectRequired(Task task, String formId) throws Exception {
        browser.clickComplete();
        wait.until(d -> browser.formText().contains(REQUIRED));
        Chromium.screenshot(chrome, "form-" + formId + "-required");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
    }

    /** Screenshots the filled form, presses Complete and waits until the engine has completed the task. */
    private void complete(Task task, String formId) throws Exception {
        Chromium.screenshot(chrome, "form-" + formId + "-filled");
        browser.clickComplete();
        new WebDriverWait(chrome, Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }
}
