package org.twinflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.CLARIFICATION_QUESTION;
import static org.twinflow.process.ProposalProcess.Vars.SCREENING_OUTCOME;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.twinflow.CallFixtures;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.process.ProposalProcess;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.screening.ScreeningService;
import org.twinflow.system.StaffGroups;
import org.twinflow.web.PortalClient.FormPage;
import org.twinflow.web.PortalClient.Multipart;

/**
 * The portal's forms sent twice, as people send them: a double click (the same form twice at once), a
 * retry after a slow answer or the back button (the same form again later), two tabs (two forms of the
 * same proposal at once). Each time the work is done once, and every request is answered with a page
 * that says what happened: never a duplicate and never a 500. Run on H2 ({@link PortalRepeatsIT}) and
 * on the MySQL-compatible server ({@link MySqlPortalRepeatsIT}), whose locking differs.
 */
public abstract class PortalRepeatScenarios {

    static final int ROUNDS = 5;
    static final String PASSWORD = "Semarang-Toyama-2027";

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired ScreeningService screening;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;

    ExecutorService twoClicks = Executors.newFixedThreadPool(2);
    PortalClient browser;
    City city;
    String officer;

    @BeforeEach
    void signInAsOfficerOfAVerifiedCity() {
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
        officer = "repeat" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identityService, officer, "Rina", "Wulandari", officer + "@semarang.example", PASSWORD, StaffGroups.CITIES);
        cityAccounts.link(officer, city.getId());
        browser = new PortalClient(port).signIn(officer, PASSWORD);
    }

    @AfterEach
    void stopThreads() {
        twoClicks.shutdownNow();
    }

    @Test
    void shouldAcceptTheFormsOfTabsOpenedTogetherRightAfterSigningIn() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            // given a city that has just signed in and opens two forms in two tabs at the same moment
            PortalClient justSignedIn = new PortalClient(port).signIn(officer, PASSWORD);
            String first = "Tabs opened together " + round + "a";
            String second = "Tabs opened together " + round + "b";
            var firstForm = twoClicks.submit(() -> justSignedIn.open(CallFixtures.NEW_PROPOSAL_FORM));
            var secondForm = twoClicks.submit(() -> justSignedIn.open(CallFixtures.NEW_PROPOSAL_FORM));

            // when both are saved
            HttpResponse<String> firstSaved = justSignedIn.post("/proposals/new",
                    completeProposal(firstForm.get(60, TimeUnit.SECONDS).multipart(), first).field("save", "1"));
            HttpResponse<String> secondSaved = justSignedIn.post("/proposals/new",
                    completeProposal(secondForm.get(60, TimeUnit.SECONDS).multipart(), second).field("save", "1"));

            // then both are accepted: the session's CSRF token was made at the sign-in, not by each tab for itself
            assertThat(List.of(firstSaved, secondSaved)).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302));
            assertThat(proposals.proposalsOf(city.getId())).extracting(Proposal::getTitle).contains(first, second);
        }
    }

    @Test
    void shouldMakeOneProposalWhenTheNewProposalFormIsSubmittedTwiceAtOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            // given a complete new proposal, ready to submit
            Multipart form = completeProposal(browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(), "Bus rapid transit exchange " + round)
                    .field("submit", "1");

            // when "Submit" is clicked twice at once
            List<HttpResponse<String>> answers = atOnce(() -> browser.post("/proposals/new", form));

            // then both clicks are answered with the same proposal's page, and there is one proposal with one process
            assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302));
            assertThat(answers.get(0).headers().firstValue("Location")).isEqualTo(answers.get(1).headers().firstValue("Location"));
            List<Proposal> ofCity = proposals.proposalsOf(city.getId());
            assertThat(ofCity).hasSize(round);
            String reference = answers.get(0).headers().firstValue("Location").orElseThrow().replaceAll(".*/proposals/", "");
            assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
            assertThat(instancesOf(reference)).isEqualTo(1);
        }
    }

    @Test
    void shouldSubmitASavedDraftOnceWhenItIsSubmittedTwiceAtOnceOrFromTwoTabs() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            // given a saved draft, open in two tabs
            String reference = savedDraft("Compact city planning exchange " + round);
            Multipart firstTab = completeProposal(browser.open("/proposals/" + reference + "/edit").multipart(), "Compact city " + round)
                    .field("submit", "1");
            Multipart secondTab = completeProposal(browser.open("/proposals/" + reference + "/edit").multipart(), "Compact city " + round)
                    .field("submit", "1");

            // when "Submit" is clicked in both at once (even rounds), or twice in one (odd rounds)
            Multipart other = round % 2 == 0 ? secondTab : firstTab;
            var first = twoClicks.submit(() -> browser.post("/proposals/" + reference + "/edit", firstTab));
            var second = twoClicks.submit(() -> browser.post("/proposals/" + reference + "/edit", other));
            List<HttpResponse<String>> answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

            // then both go to the proposal's page (one with the confirmation, one with a note), and it was submitted once
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
                assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/proposals/" + reference));
            });
            assertThat(proposals.byReference(reference).getStatus()).isEqualTo(ProposalStatus.SUBMITTED);
            assertThat(instancesOf(reference)).isEqualTo(1);
            assertThat(browser.get("/proposals/" + reference).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswerTheFormAgainWithTheFirstResultWhenItIsSentAgainLater() {
        // given a new proposal saved as a draft
        Multipart form = completeProposal(browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart(), "Light rail knowledge exchange").field("save", "1");
        HttpResponse<String> saved = browser.post("/proposals/new", form);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(browser.get(pathOf(saved)).body()).contains("saved. You can come back to it at any time.");

        // when the officer goes back and sends the same form again
        HttpResponse<String> again = browser.post("/proposals/new", form);

        // then the answer is the same draft, with a note that nothing was done twice
        assertThat(again.statusCode()).isEqualTo(302);
        assertThat(again.headers().firstValue("Location")).isEqualTo(saved.headers().firstValue("Location"));
        assertThat(browser.get(pathOf(again)).body()).contains("This form had already been sent");
        assertThat(proposals.proposalsOf(city.getId())).hasSize(1);
    }

    @Test
    void shouldRefuseAFormsIdSentWithAnotherForm() {
        // given a draft saved from its edit form, whose submission id is now used
        String reference = savedDraft("Compact city planning exchange");
        PortalClient.FormPage editPage = browser.open("/proposals/" + reference + "/edit");
        assertThat(browser.post("/proposals/" + reference + "/edit",
                completeProposal(editPage.multipart(), "Compact city planning exchange").field("save", "1")).statusCode()).isEqualTo(302);

        // when the same id comes with the new-proposal form (a page kept open and pasted into another, a crafted request)
        PortalClient.FormPage newPage = browser.open(CallFixtures.NEW_PROPOSAL_FORM);
        PortalClient.FormPage mixed = new PortalClient.FormPage(newPage.csrfToken(), editPage.submissionId(), newPage.callReference());
        HttpResponse<String> other = browser.post("/proposals/new", completeProposal(mixed.multipart(), "Another exchange").field("save", "1"));

        // then it is refused, not answered as a repeat of the draft's save, and nothing new is stored
        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat(proposals.proposalsOf(city.getId())).hasSize(1);
    }

    @Test
    void shouldTakeTheClarificationAnswerOnceWhenItIsSentTwiceAtOnce() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            // given a submitted proposal whose screening asks the city a question
            Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), officer);
            Jobs.runAsync(managementService);
            String screeningTask = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                    .taskDefinitionKey(TASK_SCREEN_PROPOSAL).singleResult().getId();
            taskService.complete(screeningTask, Map.of(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION,
                    "Which departments of Toyama take part?"));
            Jobs.runAsync(managementService);
            Multipart answer = browser.open("/proposals/" + proposal.getReference()).multipart()
                    .field("answer", "The transport and urban planning departments of Toyama.");

            // when the answer is sent twice at once
            List<HttpResponse<String>> answers = atOnce(() -> browser.post("/proposals/" + proposal.getReference() + "/clarification", answer));

            // then both see the proposal's page, the clarification was answered once and the proposal is back in screening once
            assertThat(answers).allSatisfy(response -> assertThat(response.statusCode()).as(response.body()).isEqualTo(302));
            assertThat(screening.clarificationsOf(proposal.getId())).singleElement()
                    .satisfies(c -> assertThat(c.getAnsweredAt()).isNotNull());
            Jobs.runAsync(managementService);
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                    .taskDefinitionKey(TASK_SCREEN_PROPOSAL).count()).isEqualTo(1);
        }
    }

    @Test
    void shouldRegisterOnceWhenTheRegistrationIsSentTwiceAtOnce() throws Exception {
        // given the registration form of a new city, filled in
        PortalClient visitor = new PortalClient(port);
        FormPage page = visitor.open("/register");
        String email = "international." + UUID.randomUUID().toString().substring(0, 6) + "@iloilocity.example";
        String body = "_csrf=" + PortalClient.enc(page.csrfToken()) + "&submissionId=" + page.submissionId()
                + "&firstName=Maria&lastName=Santos&email=" + PortalClient.enc(email) + "&password=Iloilo-River-2027"
                + "&passwordConfirmation=Iloilo-River-2027&cityName=" + PortalClient.enc("Iloilo City") + "&countryCode=PH"
                + "&region=Western+Visayas&governmentType=MUNICIPALITY&population=457626&website=https%3A%2F%2Filoilocity.gov.ph"
                + "&legalRepresentative=" + PortalClient.enc("City Mayor");

        // when "Register" is clicked twice at once
        List<HttpResponse<String>> answers = atOnce(() -> visitor.postForm("/register", body));

        // then both are sent to the sign-in page with "account created", and one account exists
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?registered"));
        });
        assertThat(identityService.createUserQuery().userEmail(email).count()).isEqualTo(1);
    }

    /** Sends the same request from two threads released at the same instant, as a double click does. */
    private List<HttpResponse<String>> atOnce(Supplier<HttpResponse<String>> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> clicks = List.of(1, 2).stream()
                .map(click -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return request.get();
                }, twoClicks)).toList();
        start.countDown();
        return List.of(clicks.get(0).get(60, TimeUnit.SECONDS), clicks.get(1).get(60, TimeUnit.SECONDS));
    }

    /** Where a redirect leads, as the browser follows it. */
    private static String pathOf(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
    }

    private String savedDraft(String title) {
        HttpResponse<String> saved = browser.post("/proposals/new", browser.open(CallFixtures.NEW_PROPOSAL_FORM).multipart()
                .field("title", title).field("save", "1"));
        assertThat(saved.statusCode()).isEqualTo(302);
        return saved.headers().firstValue("Location").orElseThrow().replaceAll(".*/proposals/(TW-\\d{4}-\\d{4})/edit.*", "$1");
    }

    private long instancesOf(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ProposalProcess.PROCESS_KEY)
                .processInstanceBusinessKey(reference).count();
    }

    private Multipart completeProposal(Multipart form, String title) {
        return completeProposal(form, title, LocalDate.now(clock));
    }

    /** Everything a submission needs, as the form's fields: two partners, three SDGs, one result; starting in two months. */
    public static Multipart completeProposal(Multipart form, String title, LocalDate today) {
        LocalDate start = today.withDayOfMonth(1).plusMonths(2);
        return form.field("title", title).field("partnershipType", "TWINNING").field("thematicArea", "MOBILITY")
                .field("_sdgs", "on").field("sdgs", "9").field("sdgs", "11").field("sdgs", "13")
                .field("summary", "Semarang and Toyama exchange what works for public transport in compact cities.")
                .field("objectives", "Plan a bus rapid transit corridor with light-rail lessons from Toyama.")
                .field("activities", "Two study visits, a joint corridor plan, a public forum in each city.")
                .field("startDate", start.toString()).field("endDate", start.plusMonths(18).minusDays(1).toString())
                .field("partners[0].cityName", "Toyama").field("partners[0].countryCode", "JP").field("partners[0].role", "CO_LEAD")
                .field("partners[0].contactEmail", "international@toyama.example")
                .field("partners[1].cityName", "Kitakyushu").field("partners[1].countryCode", "JP").field("partners[1].role", "PARTNER")
                .field("partners[1].contactEmail", "international@kitakyushu.example")
                .field("expectedResults[0].result", "A corridor plan adopted by both councils")
                .field("expectedResults[0].indicator", "Plans adopted").field("expectedResults[0].target", "2")
                .field("totalBudget", "150000").field("requestedAmount", "90000").field("coFinancing", "60000")
                .field("declarationCorrect", "true").field("_declarationCorrect", "on")
                .field("declarationAuthorised", "true").field("_declarationAuthorised", "on");
    }
}
