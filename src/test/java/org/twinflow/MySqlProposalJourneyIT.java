package org.twinflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twinflow.process.ProposalProcess.FOLLOW_UP_PROCESS_KEY;
import static org.twinflow.process.ProposalProcess.PROCESS_KEY;
import static org.twinflow.process.ProposalProcess.Elements.CALL_ACTIVITY_FOLLOW_UP;
import static org.twinflow.process.ProposalProcess.Elements.TASK_AWAIT_SIGNED_AGREEMENT;
import static org.twinflow.process.ProposalProcess.Elements.TASK_DECIDE_ON_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Elements.TASK_DECLARE_CONFLICT_OF_INTEREST;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCORE_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Elements.TASK_ASSIGN_REVIEWERS;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.twinflow.review.ScoreSummary;
import org.twinflow.review.ReviewService;
import org.twinflow.approval.Decision;
import org.twinflow.approval.CommitteeDecisions;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.proposal.PartnerCity;
import org.twinflow.proposal.PartnerRole;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalRepository;
import org.twinflow.proposal.ProposalService;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.system.StaffGroups;

/**
 * The production profile ({@code mysql}) against the real MySQL-compatible server (MariaDB 10.11 in CI,
 * MySQL 8 from docker compose elsewhere), on a database of its own created empty for this class: the
 * first start lets Flyway create our schema and Camunda's, then a proposal written in four
 * scripts goes from submission to the signed-agreement wait, with the staff working their tasks.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = WebEnvironment.MOCK)
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlProposalJourneyIT {

    private static final String ADMIN_ID = "itadmin";
    private static final String ADMIN_PASSWORD = "it-admin-" + Long.toHexString(System.nanoTime());

    private static final String LEAD_CITY = "เชียงใหม่";
    private static final String GUANGZHOU = "广州";
    private static final String PUNE = "पुणे";
    private static final String HOI_AN = "Hội An";
    private static final String TITLE = "Kemitraan mobilitas perkotaan berkelanjutan: bus listrik, trotoar, dan jalur sepeda";

    /** Camunda accepts only letters and digits in user ids. */
    private static final String OFFICER = "itofficer";
    private static final String REVIEWER_1 = "itreviewer1";
    private static final String REVIEWER_2 = "itreviewer2";
    private static final String COMMITTEE_MEMBER = "itcommittee";

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, ADMIN_ID, ADMIN_PASSWORD);
    }

    @Autowired
    private CityRepository cities;
    @Autowired
    private ProposalService proposals;
    @Autowired
    private ProposalRepository proposalRepository;
    @Autowired
    private CommitteeDecisions decisions;
    @Autowired
    private ReviewService reviews;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    @Test
    void shouldCreateBothSchemasOnTheEmptyDatabase() {
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo(MySqlTestDatabase.current().name());
        // Flyway migrated our tables ...
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL",
                String.class)).contains("001", "005");
        // ... and the engine's, in utf8mb4 (V016)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                + "AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'", Integer.class)).isGreaterThanOrEqualTo(40);
        assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
                .anySatisfy(version -> assertThat(version).startsWith("7.24"));
    }

    @Test
    void shouldUseUtf8mb4AndReadCommitted() throws SQLException {
        assertThat(jdbc.queryForObject("SELECT DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA "
                + "WHERE SCHEMA_NAME = DATABASE()", String.class)).isEqualTo("utf8mb4");
        assertThat(jdbc.queryForObject("SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = 'partner_city' AND COLUMN_NAME = 'city_name'", String.class)).isEqualTo("utf8mb4");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(sessionIsolation(connection)).as("isolation of the application's sessions").isEqualTo("READ-COMMITTED");
        }
    }

    @Test
    void shouldTakeAProposalInFourScriptsFromSubmissionToTheSignedAgreement() throws SQLException {
        // given staff and two cities
        createUser(OFFICER, StaffGroups.SECRETARIAT);
        createUser(REVIEWER_1, StaffGroups.REVIEWERS);
        createUser(REVIEWER_2, StaffGroups.REVIEWERS);
        createUser(COMMITTEE_MEMBER, StaffGroups.COMMITTEE);
        City chiangMai = cities.save(new City(LEAD_CITY, "TH", "ภาคเหนือ", LocalGovernmentType.MUNICIPALITY, 131_000L,
                "สมชาย ศรีสุข", "partnerships@chiangmai.example", clock.instant()).verifiedBySecretariat(clock.instant()));
        City guangzhou = cities.save(new City(GUANGZHOU, "CN", "广东省", LocalGovernmentType.METROPOLITAN_GOVERNMENT,
                18_800_000L, "李华", "waishi@guangzhou.example", clock.instant()).verifiedBySecretariat(clock.instant()));
        List<PartnerCity> partners = List.of(
                new PartnerCity(GUANGZHOU, "CN", PartnerRole.CO_LEAD, "waishi@guangzhou.example"),
                new PartnerCity(PUNE, "IN", PartnerRole.PARTNER, null),
                new PartnerCity(HOI_AN, "VN", PartnerRole.ASSOCIATE, null));

        // when the lead city submits
        Proposal submitted = proposals.submitNew(
                ProposalFixtures.mobilityProposal(chiangMai.getId(), LocalDate.now(clock), TITLE, partners), "chiangmai");
        String reference = submitted.getReference();
        Jobs.runAsync(managementService);

        // and the secretariat screens it and assigns two reviewers
        complete(reference, TASK_SCREEN_PROPOSAL, OFFICER, StaffGroups.SECRETARIAT, Map.of(SCREENING_OUTCOME, "complete"));
        complete(reference, TASK_ASSIGN_REVIEWERS, OFFICER, StaffGroups.SECRETARIAT,
                Map.of(REVIEWERS, List.of(REVIEWER_1, REVIEWER_2)));

        // and each reviewer declares no conflict and scores
        review(reference, REVIEWER_1, 4, 4, 4, 4, 4, "Strong peer-learning design; the pilot in Hội An is realistic.");
        review(reference, REVIEWER_2, 5, 4, 4, 5, 3, "Relevant for 广州 and पुणे alike; sustainability after the grant is unclear.");

        // and the committee approves
        complete(reference, TASK_DECIDE_ON_PROPOSAL, COMMITTEE_MEMBER, StaffGroups.COMMITTEE, Map.of(DECISION, "approve",
                DECISION_FEEDBACK, "The committee approves the partnership and congratulates the four cities."));

        // then the proposal is in follow-up, waiting for the signed agreement
        ProcessInstance main = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reference).singleResult();
        assertThat(main).as("instance of %s", reference).isNotNull();
        assertThat(runtimeService.getActiveActivityIds(main.getId())).containsExactly(CALL_ACTIVITY_FOLLOW_UP);
        ProcessInstance followUp = runtimeService.createProcessInstanceQuery().processDefinitionKey(FOLLOW_UP_PROCESS_KEY)
                .superProcessInstanceId(main.getId()).singleResult();
        assertThat(followUp).as("follow-up of %s", reference).isNotNull();
        assertThat(followUp.getBusinessKey()).isEqualTo(reference);
        assertThat(runtimeService.getActiveActivityIds(followUp.getId())).containsExactly(TASK_AWAIT_SIGNED_AGREEMENT);

        // and the proposal row tells the same, with the aggregated scores and the decision
        Proposal approved = proposalRepository.findByReference(reference).orElseThrow();
        assertThat(approved.getStatus()).isEqualTo(ProposalStatus.AGREEMENT_PENDING);
        // the decision in the approval stage's own table
        assertThat(decisions.of(approved.getId()).orElseThrow().decision()).isEqualTo(Decision.APPROVE);
        // the aggregated scores in the review stage's own table
        ScoreSummary scores = reviews.scoreSummaryOf(approved.getId()).orElseThrow();
        assertThat(scores.relevance()).isEqualByComparingTo("4.50");
        assertThat(scores.sustainability()).isEqualByComparingTo("3.50");
        assertThat(scores.overall()).as("mean of the reviewers' means 4.0 and 4.2").isEqualByComparingTo(new BigDecimal("4.10"));
        assertThat(scores.spread()).isEqualByComparingTo("0.20");

        // and every script reads back unchanged: through the repositories ...
        assertThat(approved.getTitle()).isEqualTo(TITLE);
        assertThat(approved.getPartners()).extracting(PartnerCity::cityName).containsExactly(GUANGZHOU, PUNE, HOI_AN);
        assertThat(cities.findById(chiangMai.getId()).orElseThrow().getName()).isEqualTo(LEAD_CITY);
        assertThat(cities.findById(guangzhou.getId()).orElseThrow().getName()).isEqualTo(GUANGZHOU);
        assertThat(cities.findByNameAndCountryCode(LEAD_CITY, "TH")).extracting(City::getId).containsExactly(chiangMai.getId());

        // ... with plain JDBC outside the application, down to the stored UTF-8 bytes ...
        try (Connection connection = MySqlTestDatabase.current().connect()) {
            assertThat(strings(connection, "SELECT name FROM city WHERE id IN (?, ?) ORDER BY id", chiangMai.getId(), guangzhou.getId()))
                    .containsExactly(LEAD_CITY, GUANGZHOU);
            assertThat(strings(connection, "SELECT city_name FROM partner_city WHERE proposal_id = ? ORDER BY position", approved.getId()))
                    .containsExactly(GUANGZHOU, PUNE, HOI_AN);
            assertThat(strings(connection, "SELECT title FROM proposal WHERE id = ?", approved.getId())).containsExactly(TITLE);
            assertThat(strings(connection, "SELECT HEX(city_name) FROM partner_city WHERE proposal_id = ? ORDER BY position", approved.getId()))
                    .containsExactly(utf8Hex(GUANGZHOU), utf8Hex(PUNE), utf8Hex(HOI_AN));
            assertThat(strings(connection, "SELECT HEX(name) FROM city WHERE id = ?", chiangMai.getId())).containsExactly(utf8Hex(LEAD_CITY));
        }

        // ... and in the snapshot the staff forms show, which Camunda keeps as JSON bytes
        @SuppressWarnings("unchecked")
        Map<String, Object> snapshot = (Map<String, Object>) runtimeService.getVariable(followUp.getId(), PROPOSAL);
        assertThat(snapshot).containsEntry("title", TITLE).containsEntry("leadCity", LEAD_CITY);
    }

    @Test
    void shouldKeepEmojiAndCjkBeyondTheBmpInTaskNamesAndVariables() {
        // given a proposal whose title has an emoji and a CJK character beyond the BMP
        String title = "Ciudades resilientes 🌊 𠮷 Chiang Mai–Guangzhou";
        City chiangMai = cities.save(new City(LEAD_CITY, "TH", "ภาคเหนือ", LocalGovernmentType.MUNICIPALITY, 131_000L,
                "สมชาย ศรีสุข", "partnerships@chiangmai.example", clock.instant()).verifiedBySecretariat(clock.instant()));

        // when it is submitted
        Proposal submitted = proposals.submitNew(ProposalFixtures.mobilityProposal(chiangMai.getId(), LocalDate.now(clock), title,
                List.of(new PartnerCity(GUANGZHOU, "CN", PartnerRole.CO_LEAD, "waishi@guangzhou.example"))), "chiangmai");
        Jobs.runAsync(managementService);

        // then the engine's utf8mb4 tables keep the title as typed, in the task's name and in the variable ...
        Task screening = taskService.createTaskQuery().processInstanceBusinessKey(submitted.getReference()).singleResult();
        assertThat(screening.getName()).isEqualTo("Screen proposal " + submitted.getReference() + " · " + title);
        assertThat(taskService.getVariable(screening.getId(), PROPOSAL_TITLE)).isEqualTo(title);
        // ... and so does the proposal
        assertThat(proposals.byReference(submitted.getReference()).getTitle()).isEqualTo(title);
    }

    // --- staff at work -------------------------------------------------------------------------------

    private void review(String reference, String reviewer, int relevance, int sdgContribution, int feasibility,
            int partnershipQuality, int sustainability, String comment) {
        complete(reference, TASK_DECLARE_CONFLICT_OF_INTEREST, reviewer, StaffGroups.REVIEWERS, Map.of(CONFLICT_OF_INTEREST, "none"));
        complete(reference, TASK_SCORE_PROPOSAL, reviewer, StaffGroups.REVIEWERS, Map.of(
                SCORE_RELEVANCE, relevance, SCORE_SDG_CONTRIBUTION, sdgContribution, SCORE_FEASIBILITY, feasibility,
                SCORE_PARTNERSHIP_QUALITY, partnershipQuality, SCORE_SUSTAINABILITY, sustainability,
                REVIEW_COMMENT, comment, RECOMMENDATION, "fund"));
    }

    /**
     * Completes the proposal's task as the signed-in staff member would in Tasklist: the task must be
     * visible to that user (assignee or candidate group, under authorization checks); then runs the jobs.
     */
    private void complete(String reference, String taskKey, String userId, String group, Map<String, Object> variables) {
        identityService.setAuthentication(userId, List.of(group));
        try {
            List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
                    .or().taskAssignee(userId).taskCandidateGroup(group).endOr().list();
            assertThat(tasks).as("%s of %s for %s", taskKey, reference, userId).hasSize(1);
            taskService.complete(tasks.get(0).getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
        Jobs.runAsync(managementService);
    }


    private void createUser(String id, String group) {
        TestUsers.ensure(identityService, id, id, group, id + "@twinflow.example", "it-" + Long.toHexString(System.nanoTime()), group);
    }

    // --- plain JDBC ----------------------------------------------------------------------------------

    /** The session isolation level: MySQL 8 calls it transaction_isolation, MariaDB 10.11 only tx_isolation. */
    private static String sessionIsolation(Connection connection) throws SQLException {
        for (String variable : List.of("@@session.transaction_isolation", "@@session.tx_isolation")) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + variable);
                    ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            } catch (SQLException unknownVariable) {
                // try the other name
            }
        }
        throw new IllegalStateException("Neither transaction_isolation nor tx_isolation is known to the server");
    }

    private static List<String> strings(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        }
    }

    private static String utf8Hex(String text) {
        return HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
