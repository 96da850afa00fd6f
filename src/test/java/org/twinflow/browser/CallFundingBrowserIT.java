package org.twinflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.Jobs;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.account.CityRegistrationService;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.approval.Decision;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallService;
import org.twinflow.process.CallProcess;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.StaffGroups;
import org.twinflow.tasklist.TasklistFilters;

/**
 * A competitive call in the real user interfaces, in one headless Chromium: the secretariat creates and publishes the
 * call on the staff pages; two cities find it on the landing page and apply to it; the committee, after the deadline,
 * first asks for more than the budget in Tasklist's funding form (refused), then funds the better proposal and puts the
 * other on the reserve list; the first city sees "Approved", the second "On the reserve list". Not part of this journey,
 * and done through Java: the staff and city accounts, the screening and reviews (FullJourneyBrowserIT walks them in
 * Tasklist), the engine's timers (the engine clock is moved) and asynchronous jobs. Screenshots:
 * target/screenshots/call-NN-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CallFundingBrowserIT {

    static final String STAFF_PASSWORD = "call-journey-staff-password";
    static final String OFFICER = "callofficer";
    static final String COMMITTEE_MEMBER = "callcommittee";
    static final String REVIEWER_A = "callreviewera";
    static final String REVIEWER_B = "callreviewerb";
    static final String CITY_PASSWORD = "Coastal-cities-2027-resilient";
    static final String CALL_TITLE = "Twinning for Climate Resilience 2027";
    static final String FIRST_TITLE = "Flood early warning for the river delta Surabaya–Rotterdam";
    static final String SECOND_TITLE = "Typhoon-ready schools Cebu–Kobe";
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired CityRegistrationService cityRegistration;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired CommitteeDecisions decisions;
    @Autowired CallService calls;

    TwinflowBrowser browser;

    @BeforeEach
    void givenTheStaff() throws Exception {
        browser = TwinflowBrowser.start(port);
        staff(OFFICER, "Sofia", "Calls", StaffGroups.SECRETARIAT);
        staff(COMMITTEE_MEMBER, "Kofi", "Calls", StaffGroups.COMMITTEE);
        staff(REVIEWER_A, "Amara", "Calls", StaffGroups.REVIEWERS);
        staff(REVIEWER_B, "Bao", "Calls", StaffGroups.REVIEWERS);
    }

    @AfterEach
    void stopBrowserAndResetClock() {
        ClockUtil.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldRunACompetitiveCallFromPublicationToTheFundingDecisionInTheRealUserInterfaces() throws Exception {
        String surabaya = verifiedCity("Surabaya", "ID", "East Java", "surabaya");
        String cebu = verifiedCity("Cebu", "PH", "Central Visayas", "cebu");
        String reference = "CR-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        // --- the secretariat creates the call and publishes it ---------------------------------------------------
        browser.signIn(OFFICER, STAFF_PASSWORD);
        browser.wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        browser.open("/staff/calls/new");
        browser.type("reference", reference);
        browser.type("title", CALL_TITLE);
        browser.paste("description", "Cities on coasts and river deltas learn from each other how to warn, protect and recover.");
        browser.click(browser.chrome.findElement(By.id("mode-COMPETITIVE")));
        checkOnly("area-", List.of("CLIMATE_DRR", "SDG_LOCALISATION"), List.of("MOBILITY", "SDG_LOCALISATION", "CLIMATE_DRR",
                "TOURISM_CULTURE", "LOCAL_ECONOMY"));
        checkOnly("sdg-", List.of("11", "13"), List.of("11", "13"));
        new Select(browser.chrome.findElement(By.id("timeZone"))).selectByValue(JAKARTA.getId());
        LocalDate today = LocalDate.now(JAKARTA);
        browser.setDate("opensDate", today.minusDays(1).toString());
        browser.setDate("opensTime", "08:00");
        browser.setDate("closesDate", today.plusDays(21).toString());
        browser.setDate("closesTime", "17:00");
        browser.type("budget", "150000");
        browser.type("maxRequestedAmount", "100000");
        browser.screenshot("call-01-new-call");
        browser.click(browser.chrome.findElement(By.cssSelector("#call-form button[type='submit']")));
        browser.wait.until(ExpectedConditions.urlMatches(".*/staff/calls/" + reference + "$"));
        assertThat(browser.mainText()).contains(CALL_TITLE, "Asia/Jakarta");
        browser.click(browser.chrome.findElement(By.cssSelector("#publish-form button[type='submit']")));
        browser.wait.until(d -> calls.byReference(reference).isPublished());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "by Sofia Calls"));
        browser.screenshot("call-02-published");
        browser.signOut();
        CallForProposals call = calls.byReference(reference);
        assertThat(call.getClosesAt()).isEqualTo(today.plusDays(21).atTime(17, 0).atZone(JAKARTA).toInstant());
        runCallTimer(reference, CallProcess.Elements.EVENT_CALL_OPENS);

        // --- two cities find the call and apply to it ------------------------------------------------------------
        String first = apply(surabaya, reference, FIRST_TITLE, "NL", "Rotterdam", "call-03-public-call-page", "call-04-proposal-form");
        String second = apply(cebu, reference, SECOND_TITLE, "JP", "Kobe", null, null);

        // --- both are screened and reviewed (Java), the deadline passes, and the committee gets the funding task ---
        reviewed(first, 5);
        reviewed(second, 3);
        assertThat(proposals.byReference(second).getStatus()).isEqualTo(ProposalStatus.AWAITING_FUNDING_DECISION);
        ClockUtil.setCurrentTime(Date.from(call.getClosesAt().plusSeconds(1)));
        runCallTimer(reference, CallProcess.Elements.EVENT_DEADLINE_REACHED);

        // --- the committee decides in Tasklist: beyond the budget is refused, then one funded, one on the reserve list ---
        browser.signIn(COMMITTEE_MEMBER, STAFF_PASSWORD);
        browser.openTasklist();
        browser.openTaskFromList(TasklistFilters.DECISIONS, "Fund proposals of call " + reference);
        browser.waitForFormText(FIRST_TITLE);
        assertThat(browser.formText()).contains(SECOND_TITLE, "Budget available: 150000 EUR");
        browser.claim();
        new WebDriverWait(browser.chrome, Duration.ofSeconds(30)).until(d -> COMMITTEE_MEMBER.equals(fundingTask(reference).getAssignee()));
        selectInRow("Decision", 0, "Fund");
        fillInRow("Feedback for the applicant", 0, "Funded: the warning chain reaches every district.");
        selectInRow("Decision", 1, "Fund");
        fillInRow("Feedback for the applicant", 1, "A sound plan for the schools.");
        browser.waitForFormText("180000");
        sendFundingDecisions();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notifications"), "more than the call's budget"));
        browser.screenshot("call-05-over-budget-refused");
        assertThat(fundingTask(reference)).isNotNull();

        // the committee member reloads the task (Tasklist keeps a refused form locked) and chooses again: nothing was stored
        browser.chrome.navigate().refresh();
        browser.waitForFormText(FIRST_TITLE);
        assertThat(fieldInRow("Feedback for the applicant", 0).getAttribute("value")).isEmpty();
        selectInRow("Decision", 0, "Fund");
        fillInRow("Feedback for the applicant", 0, "Funded: the warning chain reaches every district.");
        selectInRow("Decision", 1, "Reserve list");
        fillInRow("Feedback for the applicant", 1, "A sound plan; first in line if money is freed.");
        browser.screenshot("call-06-funding-form");
        Task funding = fundingTask(reference);
        sendFundingDecisions();
        new WebDriverWait(browser.chrome, Duration.ofSeconds(30)).until(d -> taskService.createTaskQuery().taskId(funding.getId()).count() == 0);
        Jobs.runAsync(managementService);
        browser.signOut();

        // --- each city sees its decision ------------------------------------------------------------------------
        browser.signIn(emailOf(surabaya), CITY_PASSWORD);
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals$"));
        assertThat(browser.mainText()).contains(first, FIRST_TITLE, "Approved");
        browser.screenshot("call-07-first-city-approved");
        browser.signOut();
        browser.signIn(emailOf(cebu), CITY_PASSWORD);
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals$"));
        assertThat(browser.mainText()).contains(second, SECOND_TITLE, "On the reserve list");
        browser.screenshot("call-08-second-city-on-reserve");

        // --- and the database and the engines agree ---------------------------------------------------------------
        assertThat(proposals.byReference(first).getStatus()).isEqualTo(ProposalStatus.AGREEMENT_PENDING);
        assertThat(decisions.of(proposals.byReference(first).getId()).orElseThrow().decision()).isEqualTo(Decision.APPROVE);
        assertThat(proposals.byReference(second).getStatus()).isEqualTo(ProposalStatus.ON_RESERVE_LIST);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).activityIdIn("Task_WaitForFreedFunds")
                .count()).isOne();
    }

    /** The city signs in, opens the call from the landing page, applies and submits; returns the proposal's reference. */
    private String apply(String officer, String callReference, String title, String partnerCountry, String partnerCity,
            String callPageScreenshot, String formScreenshot) throws Exception {
        browser.signIn(emailOf(officer), CITY_PASSWORD);
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals$"));
        browser.open("/");
        browser.clickWhenReady(By.cssSelector("main a[href$='/calls/" + callReference + "']"));
        browser.wait.until(ExpectedConditions.urlMatches(".*/calls/" + callReference + "$"));
        assertThat(browser.mainText()).contains(CALL_TITLE, "Asia/Jakarta", "UTC", "150");
        if (callPageScreenshot != null) {
            browser.screenshot(callPageScreenshot);
        }
        browser.click(browser.chrome.findElement(By.id("link-apply")));
        browser.wait.until(ExpectedConditions.urlContains("/proposals/new"));
        assertThat(browser.mainText()).contains(CALL_TITLE);
        browser.type("title", title);
        if (browser.chrome.findElements(By.name("partners[0].cityName")).isEmpty()) {
            browser.click(browser.chrome.findElement(By.name("addPartner")));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.name("partners[0].cityName")));
        }
        browser.type("partners[0].cityName", partnerCity);
        new Select(browser.chrome.findElement(By.name("partners[0].countryCode"))).selectByValue(partnerCountry);
        browser.type("partners[0].contactEmail", "international@" + partnerCity.toLowerCase() + ".example");
        browser.click(browser.chrome.findElement(By.id("thematicArea-CLIMATE_DRR")));
        browser.click(browser.chrome.findElement(By.id("sdg-11")));
        browser.click(browser.chrome.findElement(By.id("sdg-13")));
        browser.type("summary", "Two cities exposed to the same hazards build one warning chain and train their teams together.");
        browser.type("objectives", "1. Map the hazards.\n2. Install a shared warning chain.\n3. Train 40 officers.");
        browser.type("activities", "Exchange visits, joint drills, a shared warning dashboard.");
        browser.setDate("startDate", LocalDate.now().plusMonths(4).withDayOfMonth(1).toString());
        browser.setDate("endDate", LocalDate.now().plusMonths(22).withDayOfMonth(1).toString());
        if (browser.chrome.findElements(By.name("expectedResults[0].result")).isEmpty()) {
            browser.click(browser.chrome.findElement(By.name("addResult")));
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.name("expectedResults[0].result")));
        }
        browser.type("expectedResults[0].result", "Officers trained in early warning");
        browser.type("expectedResults[0].indicator", "Officers trained");
        browser.type("expectedResults[0].target", "40");
        browser.type("totalBudget", "150000");
        browser.type("requestedAmount", "90000");
        browser.type("coFinancing", "60000");
        browser.click(browser.chrome.findElement(By.id("declarationCorrect")));
        browser.click(browser.chrome.findElement(By.id("declarationAuthorised")));
        Path letter = Files.createTempFile("letter-of-intent", ".pdf");
        Files.writeString(letter, "%PDF-1.4\n% Letter of intent\n%%EOF\n", StandardCharsets.UTF_8);
        browser.chrome.findElement(By.id("letterOfIntent")).sendKeys(letter.toAbsolutePath().toString());
        if (formScreenshot != null) {
            browser.screenshot(formScreenshot);
        }
        browser.click(browser.chrome.findElement(By.cssSelector("button[name='submit']")));
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals/TW-\\d{4}-\\d{4}$"));
        String reference = browser.chrome.getCurrentUrl().replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})$", "$1");
        Jobs.runAsync(managementService);
        browser.signOut();
        return reference;
    }

    /** Checks exactly the wanted boxes among those with these id suffixes. */
    private void checkOnly(String idPrefix, List<String> wanted, List<String> all) {
        for (String value : all) {
            WebElement box = browser.chrome.findElement(By.id(idPrefix + value));
            if (box.isSelected() != wanted.contains(value)) {
                browser.click(browser.chrome.findElement(By.cssSelector("label[for='" + idPrefix + value + "']")));
            }
        }
    }

    /** The n-th field with this label in the funding form's list of proposals. */
    private WebElement fieldInRow(String labelText, int row) {
        List<WebElement> labels = browser.wait.until(d -> {
            // a required field's label ends in an asterisk
            List<WebElement> found = d.findElements(By.xpath("//div[contains(@class,'fjs-container')]//label[@for]"
                    + "[normalize-space(translate(., '*', ''))=" + TwinflowBrowser.xpathLiteral(labelText) + "]"));
            return found.size() > row ? found : null;
        });
        return browser.chrome.findElement(By.id(labels.get(row).getAttribute("for")));
    }

    /** A form-js select without search: a display box over a hidden input; open it by its box, pick the option by its text. */
    private void selectInRow(String labelText, int row, String optionText) {
        WebElement box = fieldInRow(labelText, row).findElement(By.xpath("./.."));
        By option = By.xpath("//div[contains(@class,'fjs-container')]//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)="
                + TwinflowBrowser.xpathLiteral(optionText) + "]");
        // A select holding a value opens unreliably on a click; clear it first (its cross), as a person would start over.
        List<WebElement> cross = box.findElements(By.cssSelector(".fjs-select-cross"));
        if (!cross.isEmpty() && cross.get(0).isDisplayed()) {
            browser.click(cross.get(0));
        }
        browser.click(box);
        try {
            new WebDriverWait(browser.chrome, Duration.ofSeconds(30), Duration.ofMillis(1500))
                    .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                List<WebElement> options = d.findElements(option);
                if (options.isEmpty() || !options.get(0).isDisplayed()) {
                    browser.click(box);
                    return false;
                }
                browser.click(options.get(0));
                return true;
            });
        } catch (org.openqa.selenium.TimeoutException notChosen) {
            try {
                browser.screenshot("call-select-failed");
            } catch (java.io.IOException ignored) {
                // the assertion below says what matters
            }
            throw new AssertionError("Option " + optionText + " of row " + row + " could not be chosen; options shown: "
                    + browser.chrome.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().map(WebElement::getText).toList(),
                    notChosen);
        }
        browser.wait.until(d -> optionText.equals(fieldInRow(labelText, row).findElement(By.xpath("./../div[contains(@class,'fjs-select-display')]"))
                .getText().strip()));
    }

    private void fillInRow(String labelText, int row, String value) {
        WebElement field = fieldInRow(labelText, row);
        browser.chrome.executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.sendKeys(value);
        field.sendKeys(Keys.TAB);
        browser.wait.until(d -> value.equals(fieldInRow(labelText, row).getAttribute("value")));
    }

    /** The form's own submit button (form-js 1.8 greys out Tasklist's Complete for forms with a dynamic list). */
    private void sendFundingDecisions() {
        browser.click(browser.chrome.findElement(By.xpath("//div[contains(@class,'fjs-container')]//button[normalize-space(.)='Send the funding decisions']")));
    }

    private Task fundingTask(String callReference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(callReference)
                .taskDefinitionKey(CallProcess.Elements.TASK_FUND_PROPOSALS).singleResult();
    }

    private void runCallTimer(String callReference, String activityId) {
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(CallProcess.PROCESS_KEY)
                .processInstanceBusinessKey(callReference).singleResult().getId();
        managementService.createJobQuery().processInstanceId(instance).activityId(activityId).timers().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        Jobs.runAsync(managementService);
    }

    /** Screened complete, reviewed by two reviewers with this score for every criterion. */
    private void reviewed(String reference, int score) {
        complete(reference, TASK_SCREEN_PROPOSAL, null, Map.of(SCREENING_OUTCOME, "complete"));
        complete(reference, TASK_ASSIGN_REVIEWERS, null, Map.of(REVIEWERS, List.of(REVIEWER_A, REVIEWER_B)));
        for (String reviewer : List.of(REVIEWER_A, REVIEWER_B)) {
            complete(reference, TASK_DECLARE_CONFLICT_OF_INTEREST, reviewer, Map.of(CONFLICT_OF_INTEREST, "none"));
            complete(reference, TASK_SCORE_PROPOSAL, reviewer, Map.of(SCORE_RELEVANCE, score, SCORE_SDG_CONTRIBUTION, score,
                    SCORE_FEASIBILITY, score, SCORE_PARTNERSHIP_QUALITY, score, SCORE_SUSTAINABILITY, score,
                    REVIEW_COMMENT, "Scored " + score + " by " + reviewer + ".", RECOMMENDATION, "fund"));
        }
    }

    private void complete(String reference, String taskKey, String assignee, Map<String, Object> variables) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey);
        if (assignee != null) {
            query = query.taskAssignee(assignee);
        }
        taskService.complete(query.singleResult().getId(), variables);
        Jobs.runAsync(managementService);
    }

    private void staff(String id, String firstName, String lastName, String group) {
        TestUsers.ensure(identityService, id, firstName, lastName, id + "@staff.example", STAFF_PASSWORD, group);
    }

    private String emailOf(String officer) {
        return identityService.createUserQuery().userId(officer).singleResult().getEmail();
    }

    /** A city that registered and whose account the secretariat verified (not part of this journey); returns its officer's id. */
    private String verifiedCity(String name, String country, String region, String domain) {
        String email = "partnerships." + UUID.randomUUID().toString().substring(0, 6) + "@" + domain + ".example";
        return RegisteredCities.verified(cityRegistration, cityAccounts, taskService, RegisteredCities.municipality("Dewi", "Santoso", email,
                CITY_PASSWORD, name, country, region, 2_870_000L, "https://" + domain + ".example"));
    }
}
