package org.twinflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.TestUsers;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.StaffGroups;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Notices by e-mail through a real SMTP server (GreenMail): the right mail to the right address at each
 * event, an SMTP outage that fails only the notice's job, which is retried, becomes an incident and,
 * retried after the server is back, sends the mail exactly once; and the staff digest, at most one per period.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MailNotificationIT {

    private static final int SMTP_PORT = freePort();
    private static final String CITY_ADDRESS = "kerja.sama@semarang.example";

    /** Started and stopped by the tests themselves, so that one of them can take the server down. */
    private static GreenMail smtp;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("twinflow.mail.from", () -> "secretariat@twinflow.example");
        // A context of its own (other properties): its own in-memory database, so the shared test context's
        // jobs and deployments stay apart, and its own engine name, or the two contexts' engines replace each
        // other in Camunda's JVM-wide registry and one REST API loses its engine.
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:twinflow-mail-test;DB_CLOSE_DELAY=-1");
        registry.add("camunda.bpm.generate-unique-process-engine-name", () -> "true");
    }

    @Autowired ProposalService proposals;
    @Autowired CityRepository cities;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired JdbcTemplate jdbc;
    @Autowired StaffDigestService digests;
    @Autowired Clock clock;

    City city;

    @BeforeAll
    static void startSmtp() {
        smtp = startedSmtp();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void givenACityAndAnEmptyMailbox() throws Exception {
        if (!smtp.isRunning()) {
            smtp = startedSmtp();
        }
        smtp.purgeEmailFromAllMailboxes();
        city = cities.save(ProposalFixtures.semarang(clock.instant()));
    }

    @Test
    void shouldSendTheReceiptToTheCityWithReferenceAndTitle() throws Exception {
        // when a proposal is submitted and its receipt job runs
        Proposal proposal = submit();

        // then the city's contact address got one mail from the configured sender
        MimeMessage mail = singleMailTo(CITY_ADDRESS);
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("secretariat@twinflow.example");
        assertThat(mail.getSubject()).isEqualTo("[" + proposal.getReference() + "] Proposal received: " + proposal.getTitle());
        // with the reference and title in both parts
        assertThat(text(mail)).contains(proposal.getReference(), proposal.getTitle(), "Dear Rina Wulandari,");
        assertThat(html(mail)).contains(proposal.getReference(), "Light rail and compact city planning exchange Semarang");
        assertThat(mail.getContentType()).startsWith("multipart/");
        // and the outbox row is marked sent
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE proposal_id = ? AND notice = 'PROPOSAL_RECEIVED' "
                + "AND sent_at IS NOT NULL", Integer.class, proposal.getId())).isEqualTo(1);
    }

    @Test
    void shouldSendTheClarificationQuestionWithItsDeadline() throws Exception {
        // given a submitted proposal
        Proposal proposal = submit();
        smtp.purgeEmailFromAllMailboxes();

        // when the secretariat asks for a clarification
        complete(proposal, TASK_SCREEN_PROPOSAL, Map.of(SCREENING_OUTCOME, "needs_clarification",
                CLARIFICATION_QUESTION, "Please attach the council resolution approving the partnership."));

        // then the city gets the question and the deadline (14 days, in UTC)
        MimeMessage mail = singleMailTo(CITY_ADDRESS);
        assertThat(mail.getSubject()).contains(proposal.getReference(), "Clarification requested", proposal.getTitle());
        String deadline = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)
                .format(LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC)).plusDays(14));
        assertThat(text(mail)).contains("Please attach the council resolution approving the partnership.", "Deadline: " + deadline);
        assertThat(html(mail)).contains("Please attach the council resolution approving the partnership.", deadline);
    }

    @Test
    void shouldRemindTheReviewerAndSendTheDecisionWithTheFeedbackToTheCity() throws Exception {
        // given a proposal screened and assigned to two reviewers, who declared no conflict
        String suffix = Long.toString(System.nanoTime(), 36);
        String amara = createUser("amara" + suffix, StaffGroups.REVIEWERS, "Amara", "Okafor");
        String bao = createUser("bao" + suffix, StaffGroups.REVIEWERS, "Bao", "Nguyen");
        Proposal proposal = submittedAndAssignedTo(amara, bao);
        completeAs(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, amara, Map.of(CONFLICT_OF_INTEREST, "none"));
        completeAs(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, bao, Map.of(CONFLICT_OF_INTEREST, "none"));
        smtp.purgeEmailFromAllMailboxes();

        // when Amara's reminder timer fires
        Job reminder = managementService.createJobQuery().timers().processInstanceId(instanceOf(proposal))
                .activityId(BOUNDARY_REVIEW_REMINDER_DUE).list().stream()
                .filter(job -> amara.equals(runtimeService.getVariable(job.getExecutionId(), REVIEWER))).findFirst().orElseThrow();
        managementService.executeJob(reminder.getId());
        Jobs.runAsync(managementService);

        // then only Amara is reminded, at her own address
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage reminderMail = singleMailTo(amara + "@twinflow.example");
        assertThat(reminderMail.getSubject()).contains(proposal.getReference(), "Reminder: review due soon", proposal.getTitle());
        assertThat(text(reminderMail)).contains("Dear Amara Okafor,", "/camunda/app/tasklist/");

        // and when both score and the committee approves with feedback
        score(proposal, amara);
        score(proposal, bao);
        smtp.purgeEmailFromAllMailboxes();
        complete(proposal, TASK_DECIDE_ON_PROPOSAL, Map.of(DECISION, "approve",
                DECISION_FEEDBACK, "The committee values the feeder-bus pilot; plan the toolkit launch early."));

        // then the city gets the decision with the committee's feedback (and next the agreement request)
        MimeMessage decision = mailsTo(CITY_ADDRESS).stream()
                .filter(m -> subject(m).contains("Proposal approved")).findFirst().orElseThrow();
        assertThat(decision.getSubject()).contains(proposal.getReference(), proposal.getTitle());
        assertThat(text(decision)).contains("The committee values the feeder-bus pilot; plan the toolkit launch early.",
                "Overall review score");
        assertThat(html(decision)).contains("The committee values the feeder-bus pilot; plan the toolkit launch early.");
        assertThat(mailsTo(CITY_ADDRESS)).extracting(MailNotificationIT::subject)
                .anySatisfy(s -> assertThat(s).contains("Signed agreement due"));
        // and no reviewer hears about the decision
        assertThat(mailsTo(amara + "@twinflow.example")).isEmpty();
        assertThat(mailsTo(bao + "@twinflow.example")).isEmpty();
    }

    @Test
    void shouldSendNothingToAReviewerWithADeclaredConflictAboutThatProposalOrItsDecision() throws Exception {
        // given a reviewer who declares a conflict of interest and is replaced
        String suffix = Long.toString(System.nanoTime(), 36);
        String amara = createUser("amara" + suffix, StaffGroups.REVIEWERS, "Amara", "Okafor");
        String bao = createUser("bao" + suffix, StaffGroups.REVIEWERS, "Bao", "Nguyen");
        String chen = createUser("chen" + suffix, StaffGroups.REVIEWERS, "Chen", "Wei");
        Proposal proposal = submittedAndAssignedTo(amara, bao);
        completeAs(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, amara, Map.of(CONFLICT_OF_INTEREST, "declared",
                CONFLICT_DESCRIPTION, "I advised Semarang on this project last year."));
        complete(proposal, TASK_ASSIGN_REPLACEMENT_REVIEWER, Map.of(REPLACEMENT_REVIEWER, chen));

        // when the others are reminded, score, and the committee decides
        completeAs(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, bao, Map.of(CONFLICT_OF_INTEREST, "none"));
        completeAs(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, chen, Map.of(CONFLICT_OF_INTEREST, "none"));
        fireReviewTimer(proposal, BOUNDARY_REVIEW_REMINDER_DUE, bao);
        fireReviewTimer(proposal, BOUNDARY_REVIEW_REMINDER_DUE, chen);
        score(proposal, bao);
        score(proposal, chen);
        complete(proposal, TASK_DECIDE_ON_PROPOSAL, Map.of(DECISION, "approve", DECISION_FEEDBACK, "Approved."));

        // then the reviewers in charge got their reminders, the city its decision, and Amara nothing at all
        assertThat(mailsTo(bao + "@twinflow.example")).extracting(MailNotificationIT::subject)
                .singleElement().satisfies(s -> assertThat(s).contains("Reminder: review due soon"));
        assertThat(mailsTo(chen + "@twinflow.example")).hasSize(1);
        assertThat(mailsTo(CITY_ADDRESS)).extracting(MailNotificationIT::subject).anySatisfy(s -> assertThat(s).contains("Proposal approved"));
        assertThat(mailsTo(amara + "@twinflow.example")).isEmpty();
    }

    @Test
    void shouldTellTheReviewerThenTheSecretariatAboutAnOverdueReviewAndBothReviewersAboutItsOutcome() throws Exception {
        // given two reviewers who declared no conflict, a third one free, and a secretariat officer
        String suffix = Long.toString(System.nanoTime(), 36);
        String amara = createUser("amara" + suffix, StaffGroups.REVIEWERS, "Amara", "Okafor");
        String bao = createUser("bao" + suffix, StaffGroups.REVIEWERS, "Bao", "Nguyen");
        String chen = createUser("chen" + suffix, StaffGroups.REVIEWERS, "Chen", "Wei");
        String officer = createUser("sofia" + suffix, StaffGroups.SECRETARIAT, "Sofia", "Santos");
        Proposal proposal = submittedAndAssignedTo(amara, bao);
        completeAs(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, amara, Map.of(CONFLICT_OF_INTEREST, "none"));
        completeAs(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, bao, Map.of(CONFLICT_OF_INTEREST, "none"));
        Instant amaraDue = reviewDue(proposal, amara);
        smtp.purgeEmailFromAllMailboxes();

        // when Amara's deadline passes: she is told, with the date from which the secretariat may reassign it (a week later)
        fireReviewTimer(proposal, BOUNDARY_REVIEW_OVERDUE, amara);
        MimeMessage overdue = singleMailTo(amara + "@twinflow.example");
        assertThat(overdue.getSubject()).contains(proposal.getReference(), "Review overdue");
        assertThat(text(overdue)).contains("Dear Amara Okafor,", "Deadline: " + DisplayDates.dateTime(amaraDue.plus(Duration.ofDays(7))));
        assertThat(mailsTo(officer + "@twinflow.example")).isEmpty();

        // when a week later it is still not done: the secretariat is told, naming the reviewer, and has a task
        fireReviewTimer(proposal, BOUNDARY_REVIEW_ESCALATION_DUE, amara);
        MimeMessage escalated = singleMailTo(officer + "@twinflow.example");
        assertThat(escalated.getSubject()).contains(proposal.getReference(), "Overdue review needs you");
        assertThat(text(escalated)).contains("by reviewer " + amara, "/staff/proposals/" + proposal.getReference());
        assertThat(mailsTo(amara + "@twinflow.example")).hasSize(1);

        // when the secretariat gives the review to Chen: Amara is told she is relieved, Chen starts with the declaration
        smtp.purgeEmailFromAllMailboxes();
        complete(proposal, TASK_HANDLE_OVERDUE_REVIEW, Map.of(OVERDUE_REVIEW_ACTION, "reassign", NEW_REVIEWER, chen));
        assertThat(singleMailTo(amara + "@twinflow.example").getSubject()).contains("Review reassigned");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskAssignee(chen)
                .taskDefinitionKey(TASK_DECLARE_CONFLICT_OF_INTEREST).count()).isOne();
        assertThat(jdbc.queryForList("SELECT reviewer_id, status FROM review WHERE proposal_id = ? ORDER BY id", proposal.getId()))
                .extracting(row -> row.get("REVIEWER_ID") + " " + row.get("STATUS"))
                .containsExactly(amara + " WITHDRAWN", bao + " ASSIGNED", chen + " ASSIGNED");

        // when Bao's review is escalated too and the secretariat gives Bao ten more days: Bao is told the new deadline
        fireReviewTimer(proposal, BOUNDARY_REVIEW_ESCALATION_DUE, bao);
        smtp.purgeEmailFromAllMailboxes();
        Instant decided = ClockUtil.getCurrentTime().toInstant();
        complete(proposal, TASK_HANDLE_OVERDUE_REVIEW, Map.of(OVERDUE_REVIEW_ACTION, "extend", EXTENSION_DAYS, 10));
        Instant baoDue = reviewDue(proposal, bao);
        assertThat(Duration.between(decided, baoDue)).isBetween(Duration.ofDays(10), Duration.ofDays(10).plusMinutes(1));
        MimeMessage extended = singleMailTo(bao + "@twinflow.example");
        assertThat(extended.getSubject()).contains("More time for your review");
        assertThat(text(extended)).contains("Deadline: " + DisplayDates.dateTime(baoDue));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskAssignee(bao)
                .taskDefinitionKey(TASK_SCORE_PROPOSAL).singleResult().getDueDate()).isEqualTo(Date.from(baoDue));
    }

    @Test
    void shouldRetryAFailedDeliveryUntilAnIncidentAndSendOnceWhenRetriedAfterTheServerIsBack() throws Exception {
        // given a submitted proposal in screening, and then the SMTP server goes down
        Proposal proposal = submit();
        smtp.stop();

        // when the secretariat asks for a clarification: the staff member's action succeeds
        Task screening = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference())
                .taskDefinitionKey(TASK_SCREEN_PROPOSAL).singleResult();
        taskService.complete(screening.getId(), Map.of(SCREENING_OUTCOME, "needs_clarification",
                CLARIFICATION_QUESTION, "Which department leads the project?"));
        assertThat(proposals.byReference(proposal.getReference()).getStatus()).isEqualTo(ProposalStatus.CLARIFICATION_REQUESTED);

        // and the notice job fails on every attempt, each time with one retry less
        Job job = managementService.createJobQuery().processInstanceId(instanceOf(proposal)).messages().singleResult();
        List<Integer> retriesLeft = new ArrayList<>();
        while (managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("Mail server connection failed");
            retriesLeft.add(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries());
        }

        // then the retries ran out into an incident with the SMTP error, and nothing was stored as sent
        assertThat(retriesLeft).containsExactly(2, 1, 0);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instanceOf(proposal)).singleResult())
                .satisfies(incident -> assertThat(incident.getIncidentMessage()).contains("Mail server connection failed"));
        assertThat(clarificationRows(proposal)).isZero();

        // when the server is back and an administrator retries the job (Cockpit: "Increment number of retries")
        smtp = startedSmtp();
        managementService.setJobRetries(job.getId(), 1);
        managementService.executeJob(job.getId());

        // then exactly one mail arrives, the outbox row is marked sent and the incident is resolved
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(text(singleMailTo(CITY_ADDRESS))).contains("Which department leads the project?");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE proposal_id = ? AND notice = 'CLARIFICATION_REQUESTED' "
                + "AND sent_at IS NOT NULL", Integer.class, proposal.getId())).isEqualTo(1);
        assertThat(clarificationRows(proposal)).isOne();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instanceOf(proposal)).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instanceOf(proposal)).messages().count()).isZero();
    }

    @Test
    void shouldSendStaffAtMostOneDigestPerPeriodListingOnlyNewTasks() throws Exception {
        // given a secretariat officer and two proposals waiting for screening by the secretariat
        String officer = createUser("digest" + Long.toString(System.nanoTime(), 36), StaffGroups.SECRETARIAT, "Sofia", "Santos");
        String address = officer + "@twinflow.example";
        Instant start = ClockUtil.getCurrentTime().toInstant();
        try {
            Proposal first = submit();
            Proposal second = submit();

            // when the digest job runs a minute later
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(1))));
            digests.sendDueDigests();

            // then the officer gets one digest listing both tasks, with links into Tasklist
            MimeMessage digest = singleMailTo(address);
            assertThat(digest.getSubject()).startsWith("Twinflow: ").endsWith("new tasks waiting for you");
            assertThat(text(digest)).contains("Dear Sofia Santos,", first.getReference(), second.getReference(),
                    "/camunda/app/tasklist/default/#/?task=");
            assertThat(html(digest)).contains(first.getReference(), second.getReference());

            // when a third proposal arrives within the period and the job runs again
            smtp.purgeEmailFromAllMailboxes();
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(30))));
            Proposal third = submit();
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(2))));
            digests.sendDueDigests();

            // then no second digest is sent within the period (PT4H)
            assertThat(mailsTo(address)).isEmpty();

            // when the period has passed
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(2))));
            digests.sendDueDigests();

            // then the next digest lists only the task that arrived since the last one
            MimeMessage next = singleMailTo(address);
            assertThat(next.getSubject()).isEqualTo("Twinflow: 1 new task waiting for you");
            assertThat(text(next)).contains(third.getReference()).doesNotContain(first.getReference(), second.getReference());

            // and with nothing new, nothing is sent however much time passes
            smtp.purgeEmailFromAllMailboxes();
            ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofHours(12))));
            digests.sendDueDigests();
            assertThat(mailsTo(address)).isEmpty();
        } finally {
            ClockUtil.reset();
        }
    }

    // --- process ------------------------------------------------------------------------------------

    private Proposal submit() {
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), "semarang");
        Jobs.runAsync(managementService);
        return proposal;
    }

    /** Submitted, screened as complete and assigned to these reviewers. */
    private Proposal submittedAndAssignedTo(String... reviewers) {
        Proposal proposal = submit();
        complete(proposal, TASK_SCREEN_PROPOSAL, Map.of(SCREENING_OUTCOME, "complete"));
        complete(proposal, TASK_ASSIGN_REVIEWERS, Map.of(REVIEWERS, List.of(reviewers)));
        return proposal;
    }

    private void complete(Proposal proposal, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskDefinitionKey(taskKey)
                .singleResult();
        taskService.complete(task.getId(), variables);
        Jobs.runAsync(managementService);
    }

    private void completeAs(Proposal proposal, String taskKey, String assignee, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskDefinitionKey(taskKey)
                .taskAssignee(assignee).singleResult();
        taskService.complete(task.getId(), variables);
        Jobs.runAsync(managementService);
    }

    private void score(Proposal proposal, String reviewer) {
        completeAs(proposal, TASK_SCORE_PROPOSAL, reviewer, Map.of(SCORE_RELEVANCE, 4, SCORE_SDG_CONTRIBUTION, 4,
                SCORE_FEASIBILITY, 4, SCORE_PARTNERSHIP_QUALITY, 4, SCORE_SUSTAINABILITY, 4,
                REVIEW_COMMENT, "Realistic pilot.", RECOMMENDATION, "fund"));
    }

    private Instant reviewDue(Proposal proposal, String reviewer) {
        return jdbc.queryForObject("SELECT due_at FROM review WHERE proposal_id = ? AND reviewer_id = ? AND status = 'ASSIGNED'",
                java.sql.Timestamp.class, proposal.getId(), reviewer).toInstant();
    }

    /** Runs the reviewer's timer of that boundary event now, whatever its due date, and the notice jobs it starts. */
    private void fireReviewTimer(Proposal proposal, String boundaryEvent, String reviewer) {
        Job timer = managementService.createJobQuery().timers().processInstanceId(instanceOf(proposal)).activityId(boundaryEvent).list()
                .stream().filter(job -> reviewer.equals(runtimeService.getVariable(job.getExecutionId(), REVIEWER))).findFirst().orElseThrow();
        managementService.executeJob(timer.getId());
        Jobs.runAsync(managementService);
    }

    private String instanceOf(Proposal proposal) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(proposal.getReference())
                .processDefinitionKey(org.twinflow.process.ProposalProcess.PROCESS_KEY).singleResult().getId();
    }

    private int clarificationRows(Proposal proposal) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE proposal_id = ? AND notice = 'CLARIFICATION_REQUESTED'",
                Integer.class, proposal.getId());
    }

    private String createUser(String id, String group, String firstName, String lastName) {
        return TestUsers.ensure(identityService, id, firstName, lastName, id + "@twinflow.example",
                "it-" + Long.toHexString(System.nanoTime()), group);
    }

    // --- mail ---------------------------------------------------------------------------------------

    private static GreenMail startedSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipients(m).contains(address)).toList();
    }

    private static MimeMessage singleMailTo(String address) {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).as("mails to %s", address).hasSize(1);
        return mails.get(0);
    }

    private static List<String> recipients(MimeMessage mail) {
        try {
            return Arrays.stream(mail.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(MimeMessage mail) throws Exception {
        return part(mail, "text/plain");
    }

    private static String html(MimeMessage mail) throws Exception {
        return part(mail, "text/html");
    }

    /** The one part of that type in the (nested multipart) message. */
    private static String part(Part part, String type) throws Exception {
        List<String> found = new ArrayList<>();
        collect(part, type, found);
        assertThat(found).as("%s parts", type).hasSize(1);
        return found.get(0);
    }

    private static void collect(Part part, String type, List<String> found) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, type, found);
            }
        } else if (part.isMimeType(type)) {
            found.add((String) part.getContent());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
