package org.twinflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.approval.Decision;
import org.twinflow.approval.DecisionRecord;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.Jobs;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.account.CityRegistrationService;
import org.twinflow.account.RegistrationForm;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.review.Recommendation;
import org.twinflow.review.Review;
import org.twinflow.review.ReviewService;
import org.twinflow.review.ReviewStatus;
import org.twinflow.system.StaffGroups;
import org.twinflow.tasklist.TasklistFilters;

/**
 * One proposal's whole way through the real user interfaces, in one headless Chromium: a verified
 * city submits it in the portal; a secretariat officer screens it and assigns two reviewers in
 * Tasklist; each reviewer declares no conflict of interest and scores it; a committee member approves
 * it; the city sees the decision and the reviewers' consolidated feedback in the portal. Everybody
 * signs in on the portal's sign-in page and out with its "Sign out" button. Only what is not part of
 * the journey is set up through Java: the city's account (registered and verified), the staff users,
 * and running the asynchronous jobs (the test profile has no job executor). Screenshots:
 * target/screenshots/journey-NN-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FullJourneyBrowserIT {

    static final String STAFF_PASSWORD = "journey-staff-password";
    static final String OFFICER = "journeyofficer";
    static final String REVIEWER_A = "journeyreviewera";
    static final String REVIEWER_B = "journeyreviewerb";
    static final String COMMITTEE_MEMBER = "journeycommittee";
    static final String CITY_PASSWORD = "Kisumu-Jinja-lake-2027";
    static final String TITLE = "Lake Victoria shoreline water monitoring Kisumu–Jinja";
    static final String DECISION_LETTER = "The committee approves the partnership: the shared water-quality dashboard answers a real need "
            + "on both shores.";
    static final String COMMENT_A = "Clear objectives and a credible budget; the sensor maintenance plan could be more concrete.";
    static final String COMMENT_B = "Strong partnership; plan the hand-over of the dashboard to the county early.";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired CityRegistrationService cityRegistration;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired CommitteeDecisions decisions;
    @Autowired ReviewService reviews;

    TwinflowBrowser browser;
    String cityEmail;

    @BeforeEach
    void givenAVerifiedCityAndTheStaff() throws Exception {
        browser = TwinflowBrowser.start(port);
        staff(OFFICER, "Sofia", "Journey", StaffGroups.SECRETARIAT);
        staff(REVIEWER_A, "Amara", "Journey", StaffGroups.REVIEWERS);
        staff(REVIEWER_B, "Bao", "Journey", StaffGroups.REVIEWERS);
        staff(COMMITTEE_MEMBER, "Kofi", "Journey", StaffGroups.COMMITTEE);
        cityEmail = verifiedCity();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldTakeAProposalFromSubmissionThroughScreeningReviewAndDecisionToTheApplicantsDecisionPage() throws Exception {
        // --- the city submits a proposal in the portal ----------------------------------------------------
        browser.signIn(cityEmail, CITY_PASSWORD);
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals$"));
        browser.click(browser.chrome.findElement(By.cssSelector("header a[href$='/proposals/new']")));
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals/new$"));
        fillInTheProposal();
        browser.screenshot("journey-01-proposal-form");
        browser.click(browser.chrome.findElement(By.cssSelector("button[name='submit']")));
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals/TW-\\d{4}-\\d{4}$"));
        String reference = browser.chrome.getCurrentUrl().replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})$", "$1");
        assertThat(browser.mainText()).contains("Proposal " + reference + " submitted", TITLE);

        // once the receipt and eligibility steps have run, the city sees it in screening
        Jobs.runAsync(managementService);
        browser.open("/proposals/" + reference);
        assertThat(browser.mainText()).contains(reference, TITLE, "In screening");
        browser.screenshot("journey-02-city-in-screening");
        assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
        browser.signOut();
        assertThat(browser.mainText()).contains("You are signed out.");

        // --- the secretariat screens it in Tasklist ----------------------------------------------------------
        browser.signIn(OFFICER, STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        browser.openTasklist();
        String screenTask = "Screen proposal " + reference + " · " + TITLE;
        browser.openTaskFromList(TasklistFilters.SCREENING, screenTask);
        assertThat(browser.taskListText()).contains(screenTask, "Partnership proposal", "Reference:", reference);
        browser.waitForFormText(TITLE);
        assertThat(browser.formText()).contains(reference, "Kisumu", "Jinja", "SDGs Localisation");
        claimed(reference, TASK_SCREEN_PROPOSAL, OFFICER);
        browser.chooseOption("Complete – send to review");
        browser.screenshot("journey-03-screening");
        completeInTasklist(reference, TASK_SCREEN_PROPOSAL);
        assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.AWAITING_REVIEWERS);

        // and assigns the two reviewers
        browser.openTaskFromList(TasklistFilters.ASSIGN_REVIEWERS, "Assign reviewers " + reference + " · " + TITLE);
        browser.waitForFormText("Not enough reviewers selected yet");
        claimed(reference, TASK_ASSIGN_REVIEWERS, OFFICER);
        browser.chooseOption("(" + REVIEWER_A + ")");
        browser.chooseOption("(" + REVIEWER_B + ")");
        browser.wait.until(d -> !browser.formText().contains("Not enough reviewers selected yet"));
        browser.screenshot("journey-04-reviewers-assigned");
        completeInTasklist(reference, TASK_ASSIGN_REVIEWERS);
        Jobs.runAsync(managementService);
        assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.IN_REVIEW);
        browser.signOut();

        // --- each reviewer declares no conflict of interest and scores it ---------------------------------
        review(reference, REVIEWER_A, List.of("4", "5", "4", "4", "2"), COMMENT_A, "Fund", "journey-05-review-a");
        review(reference, REVIEWER_B, List.of("5", "4", "3", "4", "5"), COMMENT_B, "Fund with changes", "journey-06-review-b");
        // the review's multi-instance continues asynchronously; then the scores are aggregated
        Jobs.runAsync(managementService);
        assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.IN_DECISION);

        // --- the committee approves it -------------------------------------------------------------------------
        browser.signIn(COMMITTEE_MEMBER, STAFF_PASSWORD);
        browser.openTasklist();
        browser.openTaskFromList(TasklistFilters.DECISIONS, "Decide on proposal " + reference + " · " + TITLE);
        browser.waitForFormText(TITLE);
        browser.waitForFormText("Review results");
        assertThat(browser.formText()).contains("2 reviews");
        claimed(reference, TASK_DECIDE_ON_PROPOSAL, COMMITTEE_MEMBER);
        browser.chooseOption("Approve");
        browser.fill("Decision letter text for the applicant", DECISION_LETTER);
        browser.screenshot("journey-07-decision");
        completeInTasklist(reference, TASK_DECIDE_ON_PROPOSAL);
        // the approval notice and the start of the follow-up run asynchronously
        Jobs.runAsync(managementService);
        browser.signOut();

        // --- the city sees the decision and the consolidated feedback -------------------------------------
        browser.signIn(cityEmail, CITY_PASSWORD);
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals$"));
        assertThat(browser.mainText()).contains(reference, TITLE, "Approved – waiting for the signed agreement");
        browser.screenshot("journey-08-city-my-proposals");
        browser.click(browser.chrome.findElement(By.cssSelector("main a[href$='/proposals/" + reference + "']")));
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals/" + reference + "$"));
        String page = browser.mainText();
        browser.screenshot("journey-09-city-decision");
        assertThat(page).contains("Decision", "Approved on", "Decision letter and feedback", DECISION_LETTER,
                "Reviewers’ consolidated feedback", "Reviewer 1", "Reviewer 2", COMMENT_A, COMMENT_B);
        String scores = browser.chrome.findElement(By.cssSelector("table.scores")).getText();
        assertThat(scores).contains("Relevance 4.50", "Contribution to the SDGs 4.50", "Feasibility 3.50",
                "Quality of the partnership 4.00", "Sustainability 3.50", "Overall 4.00");
        // and nothing that names a reviewer
        assertThat(page).doesNotContain(REVIEWER_A, REVIEWER_B, "Amara", "Bao");

        // --- and the database and the engine agree -----------------------------------------------------------
        Proposal decided = proposals.byReference(reference);
        assertThat(decided.getStatus()).isEqualTo(ProposalStatus.AGREEMENT_PENDING);
        DecisionRecord decision = decisions.of(decided.getId()).orElseThrow();
        assertThat(decision.decision()).isEqualTo(Decision.APPROVE);
        assertThat(decision.feedback()).isEqualTo(DECISION_LETTER);
        assertThat(reviews.scoreSummaryOf(decided.getId()).orElseThrow().overall()).isEqualByComparingTo("4.00");
        List<Review> stored = reviews.reviewsOf(decided.getId());
        assertThat(stored).extracting(Review::getReviewerId).containsExactlyInAnyOrder(REVIEWER_A, REVIEWER_B);
        assertThat(stored).allSatisfy(r -> {
            assertThat(r.getStatus()).isEqualTo(ReviewStatus.SUBMITTED);
            assertThat(r.getConflictDeclared()).isFalse();
        });
        Review a = stored.stream().filter(r -> REVIEWER_A.equals(r.getReviewerId())).findFirst().orElseThrow();
        assertThat(List.of(a.getScoreRelevance(), a.getScoreSdgContribution(), a.getScoreFeasibility(), a.getScorePartnershipQuality(),
                a.getScoreSustainability())).containsExactly(4, 5, 4, 4, 2);
        assertThat(a.getReviewComment()).isEqualTo(COMMENT_A);
        assertThat(a.getRecommendation()).isEqualTo(Recommendation.FUND);
        Review b = stored.stream().filter(r -> REVIEWER_B.equals(r.getReviewerId())).findFirst().orElseThrow();
        assertThat(b.getRecommendation()).isEqualTo(Recommendation.FUND_WITH_CHANGES);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                .processInstanceBusinessKey(reference).count()).isOne();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).finished().list())
                .extracting(t -> t.getTaskDefinitionKey() + "/" + t.getAssignee())
                .containsExactlyInAnyOrder(TASK_SCREEN_PROPOSAL + "/" + OFFICER, TASK_ASSIGN_REVIEWERS + "/" + OFFICER,
                        TASK_DECLARE_CONFLICT_OF_INTEREST + "/" + REVIEWER_A, TASK_SCORE_PROPOSAL + "/" + REVIEWER_A,
                        TASK_DECLARE_CONFLICT_OF_INTEREST + "/" + REVIEWER_B, TASK_SCORE_PROPOSAL + "/" + REVIEWER_B,
                        TASK_DECIDE_ON_PROPOSAL + "/" + COMMITTEE_MEMBER);
    }

    /** One reviewer signs in, declares no conflict of interest, scores, comments, recommends and signs out. */
    private void review(String reference, String reviewer, List<String> scores, String comment, String recommendation,
            String screenshot) throws Exception {
        browser.signIn(reviewer, STAFF_PASSWORD);
        browser.openTasklist();
        browser.openTaskFromList(TasklistFilters.MY_REVIEWS, "Declare conflict of interest " + reference + " · " + TITLE);
        browser.waitForFormText(TITLE);
        browser.chooseOption("I have no conflict of interest");
        completeInTasklist(reference, TASK_DECLARE_CONFLICT_OF_INTEREST);

        browser.openTaskFromList(TasklistFilters.MY_REVIEWS, "Score proposal " + reference + " · " + TITLE);
        browser.waitForFormText(TITLE);
        browser.fill("Relevance to the thematic area", scores.get(0));
        browser.fill("Contribution to the SDGs", scores.get(1));
        browser.fill("Feasibility of work plan and budget", scores.get(2));
        browser.fill("Quality and balance of the partnership", scores.get(3));
        browser.fill("Sustainability of results", scores.get(4));
        double average = scores.stream().mapToInt(Integer::parseInt).average().orElseThrow();
        browser.waitForFormText(String.format(Locale.ROOT, "Average of your scores: %.1f", average));
        browser.fill("Feedback on the proposal", comment);
        browser.chooseOption(recommendation);
        browser.screenshot(screenshot);
        completeInTasklist(reference, TASK_SCORE_PROPOSAL);
        browser.signOut();
    }

    /** The city fills in every section of the portal's proposal form and attaches its letter of intent. */
    private void fillInTheProposal() throws Exception {
        browser.type("title", TITLE);
        if (browser.chrome.findElements(By.name("partners[0].cityName")).isEmpty()) {
            browser.click(browser.chrome.findElement(By.name("addPartner")));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.name("partners[0].cityName")));
        }
        browser.type("partners[0].cityName", "Jinja");
        new Select(browser.chrome.findElement(By.name("partners[0].countryCode"))).selectByValue("UG");
        browser.type("partners[0].contactEmail", "partnerships@jinja.example");
        browser.click(browser.chrome.findElement(By.id("thematicArea-SDG_LOCALISATION")));
        browser.click(browser.chrome.findElement(By.id("sdg-6")));
        browser.click(browser.chrome.findElement(By.id("sdg-11")));
        browser.type("summary", "Two lake cities measure shoreline water quality together and publish it on one open dashboard.");
        browser.type("objectives", "1. Install 12 shared sensors.\n2. Publish an open water-quality dashboard.\n3. Train 25 county officers.");
        browser.type("activities", "Exchange visits, joint sensor installation, a dashboard and two training weeks.");
        browser.setDate("startDate", "2027-04-01");
        browser.setDate("endDate", "2028-10-01");
        if (browser.chrome.findElements(By.name("expectedResults[0].result")).isEmpty()) {
            browser.click(browser.chrome.findElement(By.name("addResult")));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.name("expectedResults[0].result")));
        }
        browser.type("expectedResults[0].result", "Officers trained in water-quality monitoring");
        browser.type("expectedResults[0].indicator", "Officers trained");
        browser.type("expectedResults[0].target", "25");
        browser.type("totalBudget", "120000");
        browser.type("requestedAmount", "80000");
        browser.type("coFinancing", "40000");
        browser.click(browser.chrome.findElement(By.id("declarationCorrect")));
        browser.click(browser.chrome.findElement(By.id("declarationAuthorised")));
        Path letter = Files.createTempFile("letter-of-intent", ".pdf");
        Files.writeString(letter, "%PDF-1.4\n% Letter of intent, Kisumu and Jinja\n%%EOF\n", StandardCharsets.UTF_8);
        browser.chrome.findElement(By.id("letterOfIntent")).sendKeys(letter.toAbsolutePath().toString());
    }

    /** Claims the open group task in Tasklist and waits until the engine has it assigned. */
    private void claimed(String reference, String taskKey, String user) {
        browser.claim();
        browser.wait.until(d -> user.equals(openTask(reference, taskKey).getAssignee()));
    }

    /** Presses Complete and waits until the engine has completed the task. */
    private void completeInTasklist(String reference, String taskKey) throws Exception {
        Task task = openTask(reference, taskKey);
        browser.clickComplete();
        new WebDriverWait(browser.chrome, Duration.ofSeconds(30))
                .until(d -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    private Task openTask(String reference, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).list();
        assertThat(tasks).as("open %s tasks of %s", taskKey, reference).isNotEmpty();
        return tasks.stream().filter(t -> t.getAssignee() != null).findFirst().orElse(tasks.get(0));
    }

    private void staff(String id, String firstName, String lastName, String group) {
        TestUsers.ensure(identityService, id, firstName, lastName, id + "@staff.example", STAFF_PASSWORD, group);
    }

    /** A city that registered and whose account the secretariat verified (not part of this journey). */
    private String verifiedCity() {
        String email = "partnerships." + UUID.randomUUID().toString().substring(0, 6) + "@kisumu.example";
        RegistrationForm form = RegisteredCities.municipality("Achieng", "Otieno", email, CITY_PASSWORD, "Kisumu", "KE", "Kisumu County",
                610_082L, "https://kisumu.go.ke");
        form.setLegalRepresentative("Governor of Kisumu County");
        RegisteredCities.verified(cityRegistration, cityAccounts, taskService, form);
        return email;
    }
}
