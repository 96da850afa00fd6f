package org.twinflow.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.StaffGroups;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * An administrator finds a failed notification in the real Cockpit, in headless Chromium, and retries
 * it: with the SMTP server (GreenMail) down, a proposal's receipt notice fails until its retries run out
 * and it becomes an incident; the administrator sees the incident on the dashboard and the processes
 * page, opens the process instance, reads what failed in the incident message and, once the server is
 * back, retries the job with Cockpit's "Increment Number of Retries" button. The job then runs (the test
 * profile has no job executor), the mail arrives exactly once and the incident is gone. Screenshots:
 * target/screenshots/cockpit-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CockpitIncidentBrowserIT {

    private static final int SMTP_PORT = freePort();
    private static final String CITY_ADDRESS = "kerja.sama@semarang.example";
    private static final String ADMIN = "cockpitadmin";
    private static final String ADMIN_PASSWORD = "cockpit-admin-password";
    private static final String TITLE = "Flood-resilient bus depots Semarang–Toyama";
    private static final By INCIDENTS_TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Incidents']");

    /** Started and stopped by the test itself, to take the server down. */
    private static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        // A context of its own (other properties): its own in-memory database, so that Cockpit shows only
        // this test's instances and incidents, and its own engine name (see MailNotificationIT).
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:twinflow-cockpit-test;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
    }

    @LocalServerPort int port;
    @Autowired ProcessEngine processEngine;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ProposalService proposals;
    @Autowired CityRepository cities;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    TwinflowBrowser browser;

    @BeforeAll
    static void startSmtp() {
        smtp = startedSmtp();
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp.isRunning()) {
            smtp.stop();
        }
    }

    @BeforeEach
    void startBrowser() throws Exception {
        browser = TwinflowBrowser.start(port);
        TestUsers.ensure(identityService, ADMIN, "Ada", "Cockpit", "ada.cockpit@twinflow.example", ADMIN_PASSWORD, StaffGroups.ADMINS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldShowAFailedNoticeAsAnIncidentInCockpitAndSendItOnceWhenTheAdminRetriesIt() throws Exception {
        // given the SMTP server is down when a city submits a proposal
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        smtp.stop();
        Proposal proposal = proposals.submitNew(ProposalFixtures.mobilityProposal(city.getId(), LocalDate.now(clock), TITLE,
                List.of(ProposalFixtures.toyama())), "semarang");
        String instanceId = runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(proposal.getReference()).singleResult().getId();

        // when the receipt notice's job fails on every attempt until its retries run out
        Job job = managementService.createJobQuery().processInstanceId(instanceId).messages().singleResult();
        List<Integer> retriesLeft = new ArrayList<>();
        while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
            retriesLeft.add(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries());
        }
        assertThat(retriesLeft).containsExactly(2, 1, 0);

        // then it is an incident whose message says what failed, where, and which mail
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(instanceId).singleResult();
        String subject = "[" + proposal.getReference() + "] Proposal received: " + TITLE;
        assertThat(incident.getIncidentMessage()).isEqualTo("Mail server connection failed (mail server 127.0.0.1:" + SMTP_PORT
                + ": ConnectException: Connection refused): e-mail '" + subject + "' to " + CITY_ADDRESS + " not sent");

        // when an administrator opens Cockpit: signed out, the portal's sign-in comes first. Two engines may
        // run in this JVM (the other test contexts'), so the URL names this context's engine.
        String cockpit = "/camunda/app/cockpit/" + processEngine.getName() + "/";
        browser.open(cockpit);
        browser.submitSignIn(ADMIN, ADMIN_PASSWORD);
        browser.wait.until(ExpectedConditions.urlMatches(".*" + cockpit + ".*#/dashboard$"));

        // then the dashboard counts one open incident
        openIncidentsAre("1");
        assertThat(text(".open-incidents")).contains("Open Incidents");
        browser.screenshot("cockpit-00-dashboard");

        // and the processes page shows it at "Partnership proposal"
        browser.clickWhenReady(By.xpath("//a[normalize-space(.)='Processes']"));
        String proposalRow = "//tr[td[contains(@class,'name')]//a[normalize-space(.)='Partnership proposal']]";
        browser.wait.until(ExpectedConditions.textToBe(By.xpath(proposalRow + "/td[contains(@class,'incidents')]"), "1"));

        // when the administrator opens the process definition and the failed instance, by its business key
        browser.clickWhenReady(By.xpath(proposalRow + "/td[contains(@class,'name')]//a"));
        browser.clickWhenReady(By.xpath("//tr[td[contains(@class,'business-key')][contains(normalize-space(.), '" + proposal.getReference()
                + "')]]/td[contains(@class,'instance-id')]//a"));
        browser.wait.until(ExpectedConditions.urlContains("#/process-instance/" + instanceId));
        browser.clickWhenReady(INCIDENTS_TAB);

        // then the incident shows the failing activity and the message
        WebElement message = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("td.message a")));
        assertThat(message.getAttribute("textContent").strip()).isEqualTo(incident.getIncidentMessage());
        assertThat(text("td.activity")).contains("Acknowledge receipt to applicant");
        assertThat(text("td.type")).contains("Failed Job");
        browser.screenshot("cockpit-01-incident");

        // when the SMTP server is back and the administrator retries the job in Cockpit
        smtp = startedSmtp();
        browser.clickWhenReady(By.cssSelector("td.action a[ng-click='openJobRetryDialog(incident)']"));
        WebElement dialog = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-content")));
        assertThat(dialog.getText()).contains("Increment Number of Retries");
        browser.clickWhenReady(By.cssSelector(".modal-footer button[ng-click='incrementRetry()']"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal-body"),
                "has been incremented successfully"));
        browser.clickWhenReady(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='OK']"));
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-content")));

        // then the job has a retry again, the incident is resolved, and the job runs (no job executor in tests)
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
        managementService.executeJob(job.getId());
        Jobs.runAsync(managementService);

        // and Cockpit shows no incident any more
        browser.chrome.navigate().refresh();
        browser.clickWhenReady(INCIDENTS_TAB);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())='No incidents']")));
        assertThat(browser.chrome.findElements(By.cssSelector("td.message"))).isEmpty();
        browser.screenshot("cockpit-02-retried");
        browser.open(cockpit + "#/dashboard");
        openIncidentsAre("0");

        // and the city got the receipt exactly once, recorded as sent, and the proposal went on to screening
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo(subject);
        assertThat(((InternetAddress) received[0].getAllRecipients()[0]).getAddress()).isEqualTo(CITY_ADDRESS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE proposal_id = ? AND notice = 'PROPOSAL_RECEIVED' "
                + "AND sent_at IS NOT NULL", Integer.class, proposal.getId())).isOne();
        assertThat(managementService.createJobQuery().processInstanceId(instanceId).messages().count()).isZero();
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
        assertThat(taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL).count()).isOne();
    }

    /** The "Open Incidents" number on Cockpit's dashboard, once it has loaded. */
    private void openIncidentsAre(String count) {
        By value = By.cssSelector(".open-incidents .value");
        try {
            new WebDriverWait(browser.chrome, TwinflowBrowser.TIMEOUT).ignoring(StaleElementReferenceException.class)
                    .until(d -> !d.findElements(value).isEmpty() && count.equals(d.findElement(value).getText().strip()));
        } catch (TimeoutException wrongCount) {
            throw new AssertionError("Open Incidents on the dashboard: expected " + count + " but the dashboard shows '"
                    + (browser.chrome.findElements(value).isEmpty() ? "nothing" : browser.chrome.findElement(value).getText()) + "'", wrongCount);
        }
    }

    private String text(String css) {
        return browser.chrome.findElement(By.cssSelector(css)).getText();
    }

    private static GreenMail startedSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
