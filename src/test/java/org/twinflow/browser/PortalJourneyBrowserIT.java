package org.twinflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.Jobs;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.document.DocumentService;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;

/**
 * The applicant's whole first journey in headless Chromium: a city registers, is verified by the
 * secretariat (through the city-registration process), drafts a proposal, saves it, comes back,
 * submits it with an attachment and sees it "In screening" in My proposals. Screenshots of every
 * step go to target/screenshots/portal-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalJourneyBrowserIT {

    static final String PASSWORD = "Da-Nang-twinning-2027";
    static final String TITLE = "Coastal flood early warning Đà Nẵng–Iloilo";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired DocumentService documents;

    TwinflowBrowser browser;
    ChromeDriver chrome;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = TwinflowBrowser.start(port);
        chrome = browser.chrome;
        wait = browser.wait;
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldRegisterGetVerifyDraftSaveComeBackAndSubmitAProposal() throws Exception {
        String email = "international." + UUID.randomUUID().toString().substring(0, 6) + "@danang.example";

        // a city registers
        browser.open("/register");
        browser.type("firstName", "Linh");
        browser.type("lastName", "Trần");
        browser.type("email", email);
        browser.type("password", PASSWORD);
        browser.type("passwordConfirmation", PASSWORD);
        browser.type("cityName", "Đà Nẵng");
        new Select(chrome.findElement(By.name("countryCode"))).selectByValue("VN");
        browser.type("region", "South Central Coast");
        new Select(chrome.findElement(By.name("governmentType"))).selectByValue("MUNICIPALITY");
        browser.type("population", "1220000");
        browser.type("website", "https://danang.gov.vn");
        browser.type("legalRepresentative", "Chairman of the People's Committee");
        Chromium.screenshot(chrome, "portal-01-registration-form");
        browser.click(chrome.findElement(By.cssSelector("form[action$='/register'] button[type='submit']")));
        wait.until(ExpectedConditions.urlContains("/login?registered"));
        Chromium.screenshot(chrome, "portal-02-registered");

        // signs in at once with its e-mail address and lands in My proposals, told that verification is pending
        browser.type("username", email);
        browser.type("password", PASSWORD);
        browser.click(chrome.findElement(By.cssSelector("form[action$='/login'] button[type='submit']")));
        wait.until(ExpectedConditions.urlMatches(".*/proposals$"));
        assertThat(chrome.findElement(By.tagName("main")).getText()).contains("has not yet verified your city");
        Chromium.screenshot(chrome, "portal-03-my-proposals-pending");

        // the secretariat verifies the city in its task
        String userId = identityService.createUserQuery().userEmail(email).singleResult().getId();
        City city = cityAccounts.requireCityOf(userId);
        Task verification = taskService.createTaskQuery().processInstanceBusinessKey("CITY-" + city.getId()).singleResult();
        taskService.complete(verification.getId(), Map.of("cityVerification", "approve"));

        // the city drafts a proposal with a title only and saves it
        browser.open("/proposals/new");
        browser.type("title", TITLE);
        browser.click(chrome.findElement(By.cssSelector("button[name='save']:not([aria-hidden='true'])")));
        wait.until(ExpectedConditions.urlMatches(".*/proposals/TW-\\d{4}-\\d{4}/edit.*"));
        String reference = chrome.getCurrentUrl().replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})/edit.*", "$1");
        assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.DRAFT);
        Chromium.screenshot(chrome, "portal-04-draft-saved");

        // comes back to it later from My proposals
        browser.open("/proposals");
        assertThat(chrome.findElement(By.tagName("main")).getText()).contains(reference, TITLE);
        browser.click(chrome.findElement(By.cssSelector("a[href$='/proposals/" + reference + "/edit']")));
        wait.until(ExpectedConditions.urlContains("/proposals/" + reference + "/edit"));
        assertThat(chrome.findElement(By.name("title")).getAttribute("value")).isEqualTo(TITLE);

        // completes every section, attaches the letter of intent and submits
        if (chrome.findElements(By.name("partners[0].cityName")).isEmpty()) {
            browser.click(chrome.findElement(By.name("addPartner")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("partners[0].cityName")));
        }
        browser.type("partners[0].cityName", "Iloilo City");
        new Select(chrome.findElement(By.name("partners[0].countryCode"))).selectByValue("PH");
        browser.type("partners[0].contactEmail", "international@iloilocity.example");
        browser.click(chrome.findElement(By.id("thematicArea-CLIMATE_DRR")));
        browser.click(chrome.findElement(By.id("sdg-11")));
        browser.click(chrome.findElement(By.id("sdg-13")));
        browser.type("summary", "Two coastal cities share flood early-warning practice: sensors, alerts in local languages and evacuation drills.");
        browser.type("objectives", "1. Map flood risk together.\n2. Pilot SMS alerts in both cities.\n3. Train 40 disaster-management officers.");
        browser.type("activities", "Study visits, joint drills, a shared alert protocol.");
        browser.setDate("startDate", "2027-03-01");
        browser.setDate("endDate", "2028-09-01");
        if (chrome.findElements(By.name("expectedResults[0].result")).isEmpty()) {
            browser.click(chrome.findElement(By.name("addResult")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("expectedResults[0].result")));
        }
        browser.type("expectedResults[0].result", "Officers trained in early warning");
        browser.type("expectedResults[0].indicator", "Officers trained");
        browser.type("expectedResults[0].target", "40");
        browser.type("totalBudget", "150000");
        browser.type("requestedAmount", "90000");
        browser.type("coFinancing", "60000");
        browser.click(chrome.findElement(By.id("declarationCorrect")));
        browser.click(chrome.findElement(By.id("declarationAuthorised")));
        Path letter = Files.createTempFile("letter-of-intent", ".pdf");
        Files.writeString(letter, "%PDF-1.4\n% Letter of intent, Đà Nẵng and Iloilo City\n%%EOF\n", StandardCharsets.UTF_8);
        chrome.findElement(By.id("letterOfIntent")).sendKeys(letter.toAbsolutePath().toString());
        Chromium.screenshot(chrome, "portal-05-proposal-complete");
        browser.click(chrome.findElement(By.cssSelector("button[name='submit']")));
        wait.until(ExpectedConditions.urlMatches(".*/proposals/" + reference + "$"));
        Chromium.screenshot(chrome, "portal-06-submitted");

        // and, once the first steps have run, sees it in screening
        Jobs.runAsync(managementService);
        browser.open("/proposals");
        WebElement main = chrome.findElement(By.tagName("main"));
        assertThat(main.getText()).contains(reference, TITLE, "In screening", "Iloilo City");
        Chromium.screenshot(chrome, "portal-07-my-proposals-in-screening");
        Proposal submitted = proposals.byReference(reference);
        assertThat(submitted.getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
        assertThat(documents.documentsOf(submitted.getId())).singleElement()
                .satisfies(document -> assertThat(document.fileName()).startsWith("letter-of-intent"));
        assertThat(submitted.getPartners()).extracting(p -> p.cityName()).isEqualTo(List.of("Iloilo City"));

        // and every page of the journey reads on a 375 px wide phone without sideways scrolling
        chrome.manage().window().setSize(new Dimension(375, 812));
        for (String page : List.of("/proposals", "/proposals/" + reference, "/proposals/new")) {
            browser.open(page);
            Long overflow = (Long) chrome.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("horizontal overflow of %s at 375 px", page).isLessThanOrEqualTo(0L);
        }
        Chromium.screenshot(chrome, "portal-08-new-proposal-375px");
    }
}
