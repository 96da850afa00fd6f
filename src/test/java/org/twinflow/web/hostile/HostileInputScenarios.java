package org.twinflow.web.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.twinflow.CallFixtures;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.call.CallService;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.document.DocumentService;
import org.twinflow.followup.FollowUpService;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.screening.ScreeningService;
import org.twinflow.system.StaffGroups;
import org.twinflow.web.PortalClient;
import org.twinflow.web.hostile.HostileInputs.Entry;
import org.twinflow.web.hostile.HostileInputs.Kind;

/**
 * Issue 12, part 8: the corpus of hostile and odd inputs ({@link HostileInputs}) sent over real HTTP to every form of
 * the portal — registration, sign-in, the proposal form and its revision, the answers a city gives (clarification,
 * report), the secretariat's call forms — and to the addresses that name a proposal or call. Each entry gets a page
 * that says what was wrong (the form again with a message at the field, or a 4xx page), or is stored and shown exactly
 * as sent; nothing refused is half-stored; no stack trace, no 500, no expression evaluated; and after each run the
 * application is healthy and a normal request works. Run on H2 ({@link HostileInputIT}) and on the MySQL-compatible
 * server ({@link MySqlHostileInputIT}).
 */
abstract class HostileInputScenarios {

    static final String PASSWORD = "Semarang-Toyama-2027";
    /** Tomcat reads a request's line and headers up to 8 KB (server.max-http-request-header-size) and answers 400 beyond. */
    static final int MAX_ADDRESS = 8 * 1024;
    private static final AtomicInteger CLIENT_ADDRESS = new AtomicInteger();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired ScreeningService screening;
    @Autowired FollowUpService followUp;
    @Autowired DocumentService documents;
    @Autowired CallService calls;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;

    City city;
    String officer;
    PortalClient browser;
    StoredRows rows;
    CorpusRun run;
    ProposalStages stages;
    long began;

    @BeforeEach
    void signInAsOfficerOfAVerifiedCity() {
        began = System.nanoTime();
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
        officer = "hostile" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identity, officer, "Rina", "Wulandari", officer + "@semarang.example", PASSWORD, StaffGroups.CITIES);
        cityAccounts.link(officer, city.getId());
        browser = new PortalClient(port).signIn(officer, PASSWORD);
        rows = new StoredRows(jdbc);
        run = new CorpusRun(rows);
        stages = new ProposalStages(proposals, tasks, runtime, management, identity, documents, followUp, clock);
    }

    @AfterEach
    void applicationStaysHealthy(TestInfo test) {
        ClockUtil.reset();
        HttpResponse<String> health = new PortalClient(port).get("/actuator/health");
        assertThat(health.statusCode()).as("health after the corpus").isEqualTo(200);
        assertThat(health.body()).contains("UP");
        HttpResponse<String> normal = browser.get("/proposals");
        assertThat(normal.statusCode()).as("a normal request after the corpus").isEqualTo(200);
        assertThat(Answers.text(normal.body())).contains("Proposals of Semarang");
        System.out.printf("Hostile input, %s: %d requests in %d ms%n", test.getDisplayName(), run.requests(),
                Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    // --- the city's forms --------------------------------------------------------------------------------

    @Test
    void shouldRefuseOrStoreExactlyEveryEntryInTheProposalForm() {
        ProposalFormTarget form = new ProposalFormTarget(browser, proposals, runtime, LocalDate.now(clock), null);
        run.texts(form);
        run.refusedInEach(form, Kind.NUMBER, form.numberFields());
        run.refusedInEach(form, Kind.DATE, form.dateFields());
        run.rows(form);
    }

    @Test
    void shouldRefuseEveryEntryInARevisionAndStoreTheOthersExactlyInOne() {
        // given a proposal the committee returned for revision
        Proposal returned = stages.submitted(city.getId(), officer, 1);
        stages.returnForRevision(returned);
        ProposalFormTarget revision = new ProposalFormTarget(browser, proposals, runtime, LocalDate.now(clock), returned.getReference());

        // when every entry a field refuses is sent: each is refused, and the proposal waits for its revision still
        run.refusals(revision);
        run.refusedInEach(revision, Kind.NUMBER, revision.numberFields());
        run.refusedInEach(revision, Kind.DATE, revision.dateFields());
        run.rows(revision);
        assertThat(proposals.byReference(returned.getReference()).getStatus()).isEqualTo(ProposalStatus.REVISION_REQUESTED);

        // when every entry that is stored is sent in one revision, each in a field of its own
        Map<TextField, Entry> packed = RevisionSlots.pack(HostileInputs.texts());
        HttpResponse<String> answer = revision.send(RevisionSlots.fill(revision.valid(), packed));

        // then it is submitted, and each is stored and shown exactly as sent
        Answers.assertClear(answer, "revision");
        assertThat(answer.statusCode()).as("revision taken (%s)", Answers.errors(answer.body())).isEqualTo(302);
        Proposal revised = proposals.byReference(returned.getReference());
        assertThat(revised.getStatus()).isNotEqualTo(ProposalStatus.REVISION_REQUESTED);
        String page = browser.get("/proposals/" + revised.getReference()).body();
        SoftAssertions softly = new SoftAssertions();
        packed.forEach((slot, entry) -> {
            softly.assertThat(RevisionSlots.stored(revised, slot)).as("%s in %s", entry, slot.name()).isEqualTo(slot.valueOf(entry));
            softly.check(() -> Answers.assertShowsExactly(page, slot.valueOf(entry), entry + " in " + slot.name()));
        });
        softly.assertAll();
    }

    @Test
    void shouldRefuseOrStoreExactlyEveryEntryInAClarificationAnswer() {
        // given a proposal whose screening asks the city a question
        Proposal proposal = stages.submitted(city.getId(), officer, 1);
        stages.askForClarification(proposal);
        FormTarget answer = new ClarificationTarget(browser, secretariat(), stages, screening, proposal);

        run.texts(answer);
    }

    @Test
    void shouldRefuseOrStoreExactlyEveryEntryInAReport() {
        // given an approved partnership whose first progress report is due
        Proposal proposal = stages.submitted(city.getId(), officer, 1);
        stages.waitingForFirstReport(proposal, officer);
        FormTarget report = new ReportTarget(browser, stages, followUp, proposal);

        run.texts(report);
        run.refusedInEach(report, Kind.NUMBER, report.numberFields());
        run.rows(report);
    }

    // --- registration and sign-in -----------------------------------------------------------------------------

    @Test
    void shouldRefuseOrStoreExactlyEveryEntryInTheRegistration() {
        RegistrationTarget registration = new RegistrationTarget(() -> new PortalClient(port), jdbc, cities, identity,
                engineStoresFullUnicode());

        run.texts(registration);
        run.refusedInEach(registration, Kind.NUMBER, registration.numberFields());

        if (!registration.skippedForEngineTables().isEmpty()) {
            System.out.printf("Hostile input: not sent to the officer's names (Camunda's 3-byte utf8 user table): %s%n",
                    registration.skippedForEngineTables());
        }
    }

    @Test
    void shouldTurnAwayEveryEntryAtTheSignInAndStillLetTheOfficerIn() {
        PortalClient visitor = new PortalClient(port);
        String csrf = visitor.open("/login").csrfToken();
        boolean fullUnicode = engineStoresFullUnicode();
        List<String> skipped = new ArrayList<>();
        for (Entry entry : HostileInputs.texts()) {
            if (!fullUnicode && entry.beyondBmp()) {
                // the login is looked up in Camunda's user table: 3-byte utf8 on MySQL until its engine tables are utf8mb4,
                // where comparing it with 4-byte text fails ("Illegal mix of collations", a 500)
                skipped.add(entry.name());
                continue;
            }
            for (boolean asLogin : new boolean[] {true, false}) {
                FormBody form = new FormBody().set("_csrf", csrf)
                        .setBytes("username", asLogin ? entry.bytesFor(300) : officer.getBytes(StandardCharsets.UTF_8))
                        .setBytes("password", asLogin ? PASSWORD.getBytes(StandardCharsets.UTF_8) : entry.bytesFor(300));
                String what = "sign-in, " + entry + (asLogin ? " as the login" : " as the password");
                // each from an address of its own, as from many clients: the throttle counts per address
                HttpResponse<String> answer = visitor.post("/login", "application/x-www-form-urlencoded",
                        BodyPublishers.ofByteArray(form.urlEncoded()), "X-Forwarded-For", nextClientAddress());
                run.counted();
                Answers.assertClear(answer, what);
                assertThat(answer.statusCode()).as(what).isEqualTo(302);
                assertThat(Answers.location(answer)).as(what).isEqualTo("/login?error");
            }
        }
        if (!skipped.isEmpty()) {
            System.out.printf("Hostile input: not sent to the sign-in (Camunda's 3-byte utf8 user table): %s%n", skipped);
        }
        HttpResponse<String> page = visitor.get("/login?error");
        assertThat(Answers.text(page.body())).contains("The e-mail address, user id or password is wrong.");
        assertThat(new PortalClient(port).signIn(officer, PASSWORD).get("/proposals").statusCode()).isEqualTo(200);
    }

    // --- the secretariat's forms -----------------------------------------------------------------------------

    @Test
    void shouldRefuseOrStoreExactlyEveryEntryInTheStaffCallForms() {
        PortalClient secretariat = secretariat();
        LocalDate today = LocalDate.now(clock);
        String draft = calls.create(CallFixtures.climateCall(CallFixtures.uniqueReference(), clock.instant().plus(Duration.ofDays(10)),
                Duration.ofDays(60))).getReference();
        String published = CallFixtures.uniqueReference();
        calls.create(CallFixtures.climateCall(published, clock.instant().plus(Duration.ofDays(10)), Duration.ofDays(60)));
        calls.publish(published, "hostile-test");
        try {
            for (FormTarget form : List.of(new CallFormTarget(secretariat, calls, today, null),
                    new DeadlineExtensionTarget(secretariat, calls, published))) {
                run.texts(form);
                run.refusedInEach(form, Kind.NUMBER, form.numberFields());
                run.refusedInEach(form, Kind.DATE, form.dateFields());
                run.refusedInEach(form, Kind.TIME, form.timeFields());
                run.rows(form);
            }
            // the edit form binds and checks the same form as the new one; what differs is storing into a call that exists
            run.texts(new CallFormTarget(secretariat, calls, today, draft));
        } finally {
            CallFixtures.closeForGood(jdbc, new TransactionTemplate(transactions), published);
        }
    }

    // --- addresses and requests no browser sends ------------------------------------------------------------

    @Test
    void shouldAnswerEveryEntryInAnAddressWithAPageOfOurs() {
        PortalClient secretariat = secretariat();
        Proposal proposal = stages.submitted(city.getId(), officer, 1);
        for (Entry entry : HostileInputs.texts()) {
            if (entry.bytes().length == 0) {
                continue; // an empty segment is another address
            }
            String segment = percentEncoded(entry.bytesFor(300));
            Map<String, PortalClient> addresses = new LinkedHashMap<>();
            addresses.put("/proposals/" + segment, browser);
            addresses.put("/proposals/" + proposal.getReference() + "/documents/" + segment, browser);
            addresses.put("/calls/" + segment, new PortalClient(port));
            addresses.put("/staff/proposals/" + segment, secretariat);
            addresses.put("/staff/calls/" + segment, secretariat);
            addresses.forEach((path, client) -> {
                String what = "GET " + path.substring(0, Math.min(path.length(), 80)) + " (" + entry + ")";
                HttpResponse<String> answer = client.get(path);
                run.counted();
                Answers.assertClear(answer, what);
                assertThat(answer.statusCode()).as(what).isBetween(400, 499);
            });
            // a call no one has, named in the new-proposal link: not found, or 400 for characters no text may have (a blank
            // name names no call: the open call's form)
            HttpResponse<String> newProposal = browser.get("/proposals/new?call=" + segment);
            run.counted();
            String what = "new proposal to call " + entry;
            Answers.assertClear(newProposal, what);
            if (segment.length() > MAX_ADDRESS) {
                assertThat(newProposal.statusCode()).as("%s: longer than Tomcat reads", what).isEqualTo(400);
            } else if (entry.kind() == Kind.REFUSED || entry.kind() == Kind.BYTES) {
                Answers.assertRefusedPage(newProposal, what, 400, "The address contained characters that are not accepted");
            } else if (entry.kind() != Kind.BLANK) {
                assertThat(newProposal.statusCode()).as(what).isEqualTo(404);
            }
        }
    }

    @Test
    void shouldRefuseEveryRequestNoBrowserSendsToEveryForm() {
        Proposal questioned = stages.submitted(city.getId(), officer, 1);
        stages.askForClarification(questioned);
        Proposal approved = stages.submitted(city.getId(), officer, 1);
        stages.approve(approved);
        PortalClient secretariat = secretariat();
        LocalDate today = LocalDate.now(clock);
        List<FormTarget> forms = List.of(new ProposalFormTarget(browser, proposals, runtime, today, null),
                new ClarificationTarget(browser, secretariat, stages, screening, questioned),
                new AgreementTarget(browser, stages, followUp, approved),
                new RegistrationTarget(() -> new PortalClient(port), jdbc, cities, identity, true),
                new CallFormTarget(secretariat, calls, today, null));
        for (FormTarget form : forms) {
            for (Entry entry : HostileInputs.of(Kind.REQUEST)) {
                if (!HostileRequests.appliesTo(entry, form)) {
                    continue;
                }
                String what = form + ", " + entry;
                HostileRequests.Expected expected = HostileRequests.expected(entry, form);
                Map<String, Long> before = rows.count();
                HttpResponse<String> answer = HostileRequests.send(entry, form);
                run.counted();

                Answers.assertClear(answer, what);
                assertThat(answer.statusCode()).as("%s (%s)", what, Answers.errors(answer.body())).isEqualTo(expected.status());
                HttpResponse<String> page = answer.statusCode() == 302 ? form.client.get(Answers.location(answer)) : answer;
                Answers.assertClear(page, what + ", the page it leads to");
                Answers.assertShowsExactly(page.body(), expected.message(), what);
                if (expected.stored()) {
                    form.awaitAgain();
                } else {
                    assertThat(rows.count()).as("%s: nothing stored", what).isEqualTo(before);
                }
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /** A secretariat member, signed in. */
    PortalClient secretariat() {
        String id = "hostilesecretary" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.ensure(identity, id, "Sofia", "Reyes", id + "@network.example", PASSWORD, StaffGroups.SECRETARIAT);
        return new PortalClient(port).signIn(id, PASSWORD);
    }

    /** Whether Camunda's tables hold every character: always on H2; on MySQL once its engine tables are utf8mb4. */
    boolean engineStoresFullUnicode() {
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        if (!product.toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*")) {
            return true;
        }
        String charset = jdbc.queryForObject("SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND UPPER(TABLE_NAME) = 'ACT_ID_USER' AND UPPER(COLUMN_NAME) = 'FIRST_'", String.class);
        return "utf8mb4".equalsIgnoreCase(charset);
    }

    private static String nextClientAddress() {
        int n = CLIENT_ADDRESS.incrementAndGet();
        return "10.99." + (n / 250) % 250 + "." + (n % 250 + 1);
    }

    private static String percentEncoded(byte[] bytes) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : bytes) {
            encoded.append(String.format("%%%02X", b & 0xFF));
        }
        return encoded.toString();
    }
}
