package org.twinflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.document.DocumentInfo;
import org.twinflow.document.DocumentKind;
import org.twinflow.document.DocumentService;
import org.twinflow.portal.form.ProposalForm;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.proposal.Sdg;
import org.twinflow.system.StaffGroups;

/**
 * The largest proposal the form allows, typed into headless Chromium as a city officer would: every
 * partner row and expected-result row the form offers (added with its buttons), all 17 SDGs, long texts
 * in several scripts and PDF attachments in all three inputs. It must save as a draft and submit; a
 * file the application refuses must not cost the officer what was typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LargeProposalBrowserIT {

    static final String PASSWORD = "Kitakyushu-Surabaya-1997";
    static final String TITLE = "Metropolitan network for coastal resilience – Semarang, Đà Nẵng, เชียงใหม่ and partners";
    static final List<String[]> PARTNERS = List.of(
            new String[] {"Kitakyushu", "JP"}, new String[] {"Đà Nẵng", "VN"}, new String[] {"Iloilo City", "PH"},
            new String[] {"Penang Island", "MY"}, new String[] {"เชียงใหม่ Chiang Mai", "TH"}, new String[] {"Kathmandu", "NP"},
            new String[] {"Colombo", "LK"}, new String[] {"Dhaka North", "BD"}, new String[] {"Pune", "IN"},
            new String[] {"Suwon", "KR"}, new String[] {"Ulaanbaatar", "MN"}, new String[] {"Dili", "TL"},
            new String[] {"Suva", "FJ"}, new String[] {"Port Moresby", "PG"}, new String[] {"Makati", "PH"},
            new String[] {"Yokohama", "JP"}, new String[] {"Chengdu 成都", "CN"}, new String[] {"Bandar Seri Begawan", "BN"},
            new String[] {"Vientiane", "LA"}, new String[] {"Phnom Penh", "KH"});

    @LocalServerPort int port;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired IdentityService identityService;
    @Autowired ProposalService proposals;
    @Autowired DocumentService documents;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;
    @Value("${server.tomcat.max-part-count}") long maxPartCount;

    TwinflowBrowser browser;
    ChromeDriver chrome;
    String email;
    City city;

    @BeforeEach
    void signInAsOfficerOfAVerifiedCity() throws Exception {
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String userId = "large" + UUID.randomUUID().toString().substring(0, 8);
        email = userId + "@semarang.example";
        TestUsers.ensure(identityService, userId, "Rina", "Wulandari", email, PASSWORD, StaffGroups.CITIES);
        cityAccounts.link(userId, city.getId());
        browser = TwinflowBrowser.start(port);
        chrome = browser.chrome;
        browser.signIn(email, PASSWORD);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void shouldSaveAndSubmitTheLargestProposalTheFormAllows() throws Exception {
        // given the form, filled to its limits
        browser.open("/proposals/new");
        fillEverySection();
        addRowsUpTo("addPartner", "partners", ProposalForm.MAX_PARTNERS);
        for (int i = 0; i < ProposalForm.MAX_PARTNERS; i++) {
            String[] partner = PARTNERS.get(i);
            browser.type("partners[" + i + "].cityName", partner[0]);
            new Select(chrome.findElement(By.name("partners[" + i + "].countryCode"))).selectByValue(partner[1]);
            browser.type("partners[" + i + "].contactEmail", "international@partner" + i + ".example");
        }
        addRowsUpTo("addResult", "expectedResults", ProposalForm.MAX_RESULTS);
        for (int i = 0; i < ProposalForm.MAX_RESULTS; i++) {
            browser.type("expectedResults[" + i + "].result", "Result " + (i + 1) + ": early-warning officers trained – ผลลัพธ์ " + (i + 1));
            browser.type("expectedResults[" + i + "].indicator", "Officers trained in city " + (i + 1));
            browser.type("expectedResults[" + i + "].target", String.valueOf(10 + i));
        }
        assertThat(chrome.findElements(By.name("addPartner"))).as("no further partner row is offered").isEmpty();
        assertThat(chrome.findElements(By.name("addResult"))).as("no further result row is offered").isEmpty();
        for (int n = Sdg.FIRST; n <= Sdg.LAST; n++) {
            browser.click(chrome.findElement(By.id("sdg-" + n)));
        }
        attach("letterOfIntent", pdf("letter-of-intent"));
        attach("councilResolution", pdf("council-resolution"));
        attach("partnerCommitments", pdf("commitment-kitakyushu") + "\n" + pdf("commitment-danang"));
        browser.screenshot("large-proposal-01-filled");
        long parts = (Long) chrome.executeScript("return Array.from(new FormData(document.getElementById('proposal-form'))).length + 1;");
        assertThat(parts).as("parts the fullest form sends, with its button").isLessThan(maxPartCount * 3 / 4);

        // when the officer saves it as a draft
        browser.click(chrome.findElement(By.cssSelector("button[name='save']:not([aria-hidden='true'])")));
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals/TW-\\d{4}-\\d{4}/edit.*"));
        String reference = chrome.getCurrentUrl().replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})/edit.*", "$1");
        browser.screenshot("large-proposal-02-saved");

        // then everything typed was stored, in the order typed
        Proposal draft = proposals.byReference(reference);
        assertThat(draft.getStatus()).isEqualTo(ProposalStatus.DRAFT);
        assertThat(draft.getTitle()).isEqualTo(TITLE);
        assertThat(draft.getPartners()).hasSize(ProposalForm.MAX_PARTNERS);
        assertThat(draft.getPartners()).extracting(p -> p.cityName())
                .containsExactlyElementsOf(PARTNERS.subList(0, ProposalForm.MAX_PARTNERS).stream().map(p -> p[0]).toList());
        assertThat(draft.getExpectedResults()).hasSize(ProposalForm.MAX_RESULTS);
        assertThat(draft.sdgNumbers()).containsExactlyElementsOf(IntStream.rangeClosed(Sdg.FIRST, Sdg.LAST).boxed().toList());
        assertThat(documents.documentsOf(draft.getId())).extracting(DocumentInfo::kind).containsExactlyInAnyOrder(
                DocumentKind.LETTER_OF_INTENT, DocumentKind.COUNCIL_RESOLUTION, DocumentKind.PARTNER_COMMITMENT,
                DocumentKind.PARTNER_COMMITMENT);

        // and the form shows it again, filled, ready to submit
        assertThat(chrome.findElement(By.name("title")).getAttribute("value")).isEqualTo(TITLE);
        assertThat(chrome.findElement(By.name("partners[" + (ProposalForm.MAX_PARTNERS - 1) + "].cityName")).getAttribute("value"))
                .isEqualTo(PARTNERS.get(ProposalForm.MAX_PARTNERS - 1)[0]);
        browser.click(chrome.findElement(By.id("declarationCorrect")));
        browser.click(chrome.findElement(By.id("declarationAuthorised")));

        // when the officer submits it
        browser.click(chrome.findElement(By.cssSelector("button[name='submit']")));
        browser.wait.until(ExpectedConditions.urlMatches(".*/proposals/" + reference + "$"));
        browser.screenshot("large-proposal-03-submitted");

        // then it is submitted with everything, and its process runs to screening
        Jobs.runAsync(managementService);
        Proposal submitted = proposals.byReference(reference);
        assertThat(submitted.getStatus()).isEqualTo(ProposalStatus.IN_SCREENING);
        assertThat(submitted.getPartners()).hasSize(ProposalForm.MAX_PARTNERS);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count()).isEqualTo(1);
        assertThat(browser.mainText()).contains(reference, PARTNERS.get(4)[0]);
    }

    @Test
    void shouldKeepWhatWasTypedWhenAnAttachmentIsRefused() throws Exception {
        // given a form with two partners, ten SDGs and texts, and a scan over the 10 MB limit
        browser.open("/proposals/new");
        fillEverySection();
        addRowsUpTo("addPartner", "partners", 2);
        browser.type("partners[0].cityName", "Kitakyushu");
        new Select(chrome.findElement(By.name("partners[0].countryCode"))).selectByValue("JP");
        browser.type("partners[1].cityName", "Đà Nẵng");
        new Select(chrome.findElement(By.name("partners[1].countryCode"))).selectByValue("VN");
        for (int n = 1; n <= 10; n++) {
            browser.click(chrome.findElement(By.id("sdg-" + n)));
        }
        Path scan = Files.createTempFile("council-resolution-scan", ".pdf");
        byte[] eleven = new byte[11 * 1024 * 1024];
        System.arraycopy("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), 0, eleven, 0, 8);
        Files.write(scan, eleven);
        attach("councilResolution", scan.toString());

        // when the officer saves
        browser.click(chrome.findElement(By.cssSelector("button[name='save']:not([aria-hidden='true'])")));

        // then the file is refused next to its input, and everything typed is still there
        WebElement error = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("councilResolution-error")));
        assertThat(error.getText()).contains("10 MB");
        browser.screenshot("large-proposal-04-file-refused");
        assertThat(chrome.findElement(By.name("title")).getAttribute("value")).isEqualTo(TITLE);
        assertThat(chrome.findElement(By.name("partners[1].cityName")).getAttribute("value")).isEqualTo("Đà Nẵng");
        assertThat(chrome.findElement(By.name("summary")).getAttribute("value")).startsWith("Twenty cities");
        assertThat(chrome.findElements(By.cssSelector("input[name='sdgs']:checked"))).hasSize(10);
        assertThat(proposals.proposalsOf(city.getId())).isEmpty();
    }

    private void fillEverySection() {
        browser.type("title", TITLE);
        browser.click(chrome.findElement(By.id("thematicArea-CLIMATE_DRR")));
        browser.paste("summary", "Twenty cities of the Asia-Pacific share what works against coastal floods: sensors, alerts in local "
                + "languages (ภาษาไทย, Tiếng Việt, Bahasa Indonesia, 日本語) and evacuation drills. ".repeat(8));
        browser.paste("objectives", "1. Map flood risk together.\n2. Pilot SMS alerts in every city.\n3. Train 400 officers.\n".repeat(20));
        browser.paste("activities", "Study visits, joint drills, a shared alert protocol, a peer-review of each city's plan.\n".repeat(20));
        browser.setDate("startDate", "2027-03-01");
        browser.setDate("endDate", "2029-02-28");
        browser.type("totalBudget", "187500");
        browser.type("requestedAmount", "150000");
        browser.type("coFinancing", "37500");
    }

    /** Presses the form's own "add a row" button until the section has {@code rows} rows, as an officer would. */
    private void addRowsUpTo(String button, String list, int rows) {
        while (chrome.findElements(By.name(list + "[" + (rows - 1) + "]." + (list.equals("partners") ? "cityName" : "result"))).isEmpty()) {
            int before = chrome.findElements(By.cssSelector("#" + list + " fieldset.pf-row")).size();
            browser.click(chrome.findElement(By.name(button)));
            browser.wait.until(d -> d.findElements(By.cssSelector("#" + list + " fieldset.pf-row")).size() > before);
        }
    }

    private void attach(String input, String paths) {
        chrome.findElement(By.id(input)).sendKeys(paths);
    }

    private static String pdf(String name) throws Exception {
        Path file = Files.createTempFile(name, ".pdf");
        Files.writeString(file, "%PDF-1.4\n% " + name + ": signed by the mayors of Semarang and the partner city\n%%EOF\n",
                StandardCharsets.UTF_8);
        return file.toAbsolutePath().toString();
    }
}
