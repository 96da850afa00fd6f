package org.twinflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.TestUsers;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.StaffGroups;

/**
 * A secretariat officer signs in to the real Tasklist in headless Chromium, opens a submitted
 * proposal's screening task, sees the proposal's essentials rendered by the Camunda Form, claims it
 * and completes it; the proposal moves on to reviewer assignment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TasklistScreeningBrowserIT {

    static final String OFFICER = "browsersofia";
    static final String PASSWORD = "browser-test-password";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CityRepository cities;
    @Autowired ProposalService proposals;
    @Autowired Clock clock;

    TwinflowBrowser browser;
    ChromeDriver chrome;

    @BeforeEach
    void startBrowser() throws Exception {
        browser = TwinflowBrowser.start(port);
        chrome = browser.chrome;
        TestUsers.ensure(identityService, OFFICER, "Sofia", "Browser", "sofia.browser@secretariat.example", PASSWORD,
                StaffGroups.SECRETARIAT);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldScreenAProposalInTasklistWithItsCamundaForm() throws Exception {
        // given a submitted proposal waiting for screening
        City lead = cities.save(ProposalFixtures.semarang(clock.instant()));
        Proposal proposal = proposals.submitNew(ProposalFixtures.mobilityProposal(lead.getId(), LocalDate.now(clock),
                "Light rail exchange Semarang–Toyama (browser)", List.of(ProposalFixtures.toyama())), "semarang");
        Jobs.runAsync(managementService);
        Task screening = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).singleResult();
        assertThat(screening.getTaskDefinitionKey()).isEqualTo(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL);
        WebDriverWait wait = browser.wait;

        // when the officer opens Tasklist, signs in once on the portal's sign-in page and lands back in Tasklist
        browser.open("/camunda/app/tasklist/default/");
        browser.submitSignIn(OFFICER, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/camunda/app/tasklist/"));
        // Let Tasklist finish its first load (it ends by routing to a filter) before a deep link, or it may route the link away.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter")));

        // and opens the screening task
        browser.open("/camunda/app/tasklist/default/#/?task=" + screening.getId());
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), "Light rail exchange Semarang–Toyama"));
        Chromium.screenshot(chrome, "tasklist-screen-proposal-form");

        // then the form shows the proposal's essentials
        assertThat(form.getText()).contains(proposal.getReference(), "Semarang", "Toyama", "Sustainable Mobility",
                "SDG 11 – Sustainable cities and communities", "90000");

        // when the officer claims the task and completes it as "complete"
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'fjs-container')]//label[contains(normalize-space(.), 'Complete – send to review')]")));
        chrome.executeScript("document.getElementById(arguments[0]).click();", complete.getAttribute("for"));
        Chromium.screenshot(chrome, "tasklist-screen-proposal-filled");
        browser.click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));

        // then the proposal goes on to reviewer assignment
        wait.until(driver -> taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(ProposalProcess.Elements.TASK_ASSIGN_REVIEWERS).count() == 1);
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.AWAITING_REVIEWERS);
        Chromium.screenshot(chrome, "tasklist-after-screening");
    }

    /** Tasklist's panels scroll on their own: bring the element to the middle of its panel first. */
}
