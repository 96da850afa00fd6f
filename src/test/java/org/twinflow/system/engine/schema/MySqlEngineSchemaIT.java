package org.twinflow.system.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.CLARIFICATION_QUESTION;
import static org.twinflow.process.ProposalProcess.Vars.PROPOSAL_TITLE;
import static org.twinflow.process.ProposalProcess.Vars.SCREENING_OUTCOME;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.twinflow.Jobs;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.ProposalFixtures;
import org.twinflow.StaffHttp;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * The production profile on a fresh database of the MySQL-compatible test server: Flyway (V016) creates Camunda's tables in
 * utf8mb4, exactly as Camunda's own scripts would with utf8mb4 in place of utf8, and text beyond the BMP goes through the
 * engine unchanged, from the portal to Tasklist's REST API and back to the pages.
 */
@ExtendWith(MySqlTestDatabase.class) // before @SpringBootTest: creates the database first, drops it last
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("mysql")
@DirtiesContext // close the application before the database is dropped
class MySqlEngineSchemaIT {

    /** A CJK character of Extension B (U+20000), an emoji, a family joined by ZWJs, combining marks and right-to-left Arabic. */
    static final String TITLE = "𠀀 Ciudades 😀 resilientes 👩‍👩‍👧 Ha\u0300 No\u0323i – مدن مرنة";
    static final String QUESTION = "Please attach the resolution of the council 📎 for 𠮷野 and Ha\u0300 No\u0323i (مدن مرنة).";
    static final String COMMENT = "For the applicant: thank you 🙏 – budget for 👩‍👩‍👧 families is clear.";

    private static final String ADMIN_ID = "itadmin";
    private static final String ADMIN_PASSWORD = "it-admin-" + Long.toHexString(System.nanoTime());
    private static final String OFFICER = "itsecretary";
    private static final String OFFICER_PASSWORD = "it-secretary-" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void mysqlDatabase(DynamicPropertyRegistry registry) {
        MySqlTestDatabase.registerApplicationSettings(registry, ADMIN_ID, ADMIN_PASSWORD);
    }

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired ProcessEngine engine;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired Clock clock;

    @Test
    void shouldHaveCamundasSchemaInUtf8mb4WithEveryIndexKeyWithinInnoDbsLimit() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            EngineSchemaShape.checkUtf8mb4(connection);
            assertThat(EngineSchemaShape.of(connection)).isEqualTo(EngineSchemaShape.ofCamundasScriptsInUtf8mb4(MySqlTestDatabase.current()));
            // the longest key: task id, variable name and type, 64 + 255 + 255 characters of 4 bytes
            assertThat(EngineSchemaShape.keyBytes(connection)).first().isEqualTo("ACT_RU_VARIABLE.ACT_IDX_VARIABLE_TASK_NAME_TYPE 2296");
        }
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success = 1", String.class)).contains("015", "016");
    }

    @Test
    void shouldBeAtTheSchemaVersionOfTheRunningEngine() {
        String schemaVersion = jdbc.queryForObject("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG ORDER BY CAST(ID_ AS UNSIGNED) DESC LIMIT 1",
                String.class);
        assertThat(schemaVersion).isEqualTo("7.24.0");
        // a Camunda upgrade without its upgrade migration fails here (docs/operations.md)
        assertThat(minorVersion(ProductPropertiesUtil.getProductVersion())).as("the engine's version").isEqualTo(minorVersion(schemaVersion));
        assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'schema.version'", String.class)).isEqualTo("fox");
    }

    @Test
    void shouldKeepEveryCharacterInTaskNamesVariablesCommentsTasklistAndThePages() throws Exception {
        // given a secretariat member who signs in to Tasklist, and a city officer
        TestUsers.ensure(identityService, OFFICER, "Sofia", "Reyes", "sofia@twinflow.example", OFFICER_PASSWORD, StaffGroups.SECRETARIAT);
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String cityOfficer = "itcity" + Long.toHexString(System.nanoTime());
        cityAccounts.link(cityOfficer, city.getId());

        // when the city submits a proposal with that title
        Proposal proposal = proposals.submitNew(ProposalFixtures.mobilityProposal(city.getId(), LocalDate.now(clock), TITLE,
                List.of(ProposalFixtures.toyama())), cityOfficer);
        String reference = proposal.getReference();
        Jobs.runAsync(managementService);

        // then the screening task is named after it, in the engine and its history, and carries it as a variable
        Task screening = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(TASK_SCREEN_PROPOSAL)
                .singleResult();
        String taskName = "Screen proposal " + reference + " · " + TITLE;
        assertThat(screening.getName()).isEqualTo(taskName);
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(screening.getId()).singleResult().getName()).isEqualTo(taskName);
        assertThat(taskService.getVariable(screening.getId(), PROPOSAL_TITLE)).isEqualTo(TITLE);

        // and Tasklist's REST API shows both
        JsonNode tasks = restGet("/task?processInstanceBusinessKey=" + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("name").asText()).isEqualTo(taskName);
        assertThat(restGet("/task/" + screening.getId() + "/variables/" + PROPOSAL_TITLE).path("value").asText()).isEqualTo(TITLE);

        // when the secretariat comments on the task and asks for clarification in the form, as Tasklist sends it
        identityService.setAuthentication(OFFICER, List.of(StaffGroups.SECRETARIAT));
        try {
            taskService.createComment(screening.getId(), screening.getProcessInstanceId(), COMMENT);
        } finally {
            identityService.clearAuthentication();
        }
        HttpResponse<String> completed = StaffHttp.restApi(port, engine.getName(), OFFICER, OFFICER_PASSWORD)
                .submitForm(screening.getId(), Map.of(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION, QUESTION));
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        Jobs.runAsync(managementService);

        // then the comment and the form's text read back unchanged, through the engine and its REST API
        List<Comment> comments = taskService.getTaskComments(screening.getId());
        assertThat(comments).extracting(Comment::getFullMessage).containsExactly(COMMENT);
        assertThat(jdbc.queryForList("SELECT MESSAGE_ FROM ACT_HI_COMMENT WHERE TASK_ID_ = ?", String.class, screening.getId()))
                .as("the comment's short form").containsExactly(COMMENT);
        assertThat(restGet("/task/" + screening.getId() + "/comment").get(0).path("message").asText()).isEqualTo(COMMENT);
        assertThat(runtimeService.getVariable(screening.getProcessInstanceId(), CLARIFICATION_QUESTION)).isEqualTo(QUESTION);
        assertThat(jdbc.queryForObject("SELECT HEX(TEXT_) FROM ACT_RU_VARIABLE WHERE NAME_ = ? AND PROC_INST_ID_ = ?", String.class,
                CLARIFICATION_QUESTION, screening.getProcessInstanceId())).as("the stored bytes").isEqualTo(utf8Hex(QUESTION));

        // and the staff page and the applicant's page show title, question and the comment meant for the applicant
        String staffPage = page("/staff/proposals/" + reference, OFFICER, StaffGroups.SECRETARIAT);
        assertThat(staffPage).contains(TITLE, QUESTION, "thank you 🙏 – budget for 👩‍👩‍👧 families is clear.");
        String applicantPage = page("/proposals/" + reference, cityOfficer, StaffGroups.CITIES);
        assertThat(applicantPage).contains(TITLE, QUESTION, "thank you 🙏 – budget for 👩‍👩‍👧 families is clear.");
    }

    private JsonNode restGet(String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((OFFICER + ":" + OFFICER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/engine-rest/engine/" + engine.getName() + path))
                .header("Authorization", "Basic " + basic).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String page(String path, String userId, String group) throws Exception {
        return mvc.perform(get(path).with(user(userId).authorities(new SimpleGrantedAuthority("GROUP_" + group))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static String minorVersion(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1];
    }

    private static String utf8Hex(String text) {
        return java.util.HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }
}
