package org.twinflow.system.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.CLARIFICATION_QUESTION;
import static org.twinflow.process.ProposalProcess.Vars.PROPOSAL_TITLE;
import static org.twinflow.process.ProposalProcess.Vars.SCREENING_OUTCOME;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.twinflow.Jobs;
import org.twinflow.MySqlTestDatabase;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.TwinflowApplication;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.screening.ScreeningService;
import org.twinflow.system.StaffGroups;

/**
 * A database from before V016 on the MySQL-compatible test server, made the old way: the application started with the
 * engine creating its own tables in 3-byte utf8 and Flyway at V015, with proposals, tasks, variables and comments in it. The
 * next start of the application converts the engine's tables: the same rows afterwards, the running processes go on, and
 * text beyond the BMP, refused before, is kept.
 */
@ExtendWith(MySqlTestDatabase.class)
class MySqlEngineSchemaConversionIT {

    /** Text the 3-byte tables hold: Thai, Vietnamese with combining marks, Arabic. */
    private static final String OLD_TITLE = "Kemitraan – เชียงใหม่ – Ha\u0300 No\u0323i – مدن مرنة";
    private static final String OLD_QUESTION = "Please attach the resolution of the council – ขอบคุณ.";
    private static final String OLD_COMMENT = "Budget checked – Đà Nẵng.";
    private static final String NEW_TITLE = MySqlEngineSchemaIT.TITLE;
    private static final String NEW_QUESTION = MySqlEngineSchemaIT.QUESTION;
    private static final String NEW_COMMENT = "Checked 😀 with 𠮷野 – 👩‍👩‍👧.";

    /** Every row of the engine's tables that hold tasks, variables, comments and people. */
    private static final List<String> KEPT_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE", "ACT_RU_IDENTITYLINK",
            "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_COMMENT", "ACT_ID_USER", "ACT_ID_MEMBERSHIP", "ACT_GE_BYTEARRAY");

    private static final String ADMIN_ID = "itadmin";
    private static final String ADMIN_PASSWORD = "it-admin-" + Long.toHexString(System.nanoTime());
    private static final String SECRETARY = "itsecretary";

    @Test
    void shouldConvertTheEngineTablesAtTheNextStartAndKeepEveryTaskVariableAndComment() throws Exception {
        // given a database as Twinflow left it before V016, with a proposal waiting for clarification and one in screening
        Map<String, String> rowsBefore;
        String waiting;
        String inScreening;
        String cityOfficer = "itcity" + Long.toHexString(System.nanoTime());
        try (ConfigurableApplicationContext app = start("--camunda.bpm.database.schema-update=true", "--spring.flyway.target=015")) {
            assertThat(collationOf("ACT_RU_TASK")).as("the engine's own tables").startsWith("utf8mb3");
            TestUsers.ensure(app.getBean(IdentityService.class), SECRETARY, "Sofia", "Reyes", "sofia@twinflow.example", "pw-" + System.nanoTime(),
                    StaffGroups.SECRETARIAT);
            City city = app.getBean(CityRepository.class).save(ProposalFixtures.semarang(app.getBean(Clock.class).instant()));
            app.getBean(CityAccounts.class).link(cityOfficer, city.getId());
            waiting = submit(app, city, OLD_TITLE, cityOfficer);
            inScreening = submit(app, city, "Light rail exchange Semarang–Toyama", cityOfficer);
            Task screening = screeningTask(app, waiting);
            comment(app, screening, OLD_COMMENT);
            app.getBean(TaskService.class).complete(screening.getId(), Map.of(SCREENING_OUTCOME, "needs_clarification",
                    CLARIFICATION_QUESTION, OLD_QUESTION));
            Jobs.runAsync(app.getBean(ManagementService.class));
            // what part 6 is about: the 3-byte tables refuse an emoji
            assertThatThrownBy(() -> comment(app, screeningTask(app, inScreening), NEW_COMMENT)).hasStackTraceContaining("Incorrect string value");
            rowsBefore = rowsOf(KEPT_TABLES);
            assertThat(rowsBefore.get("ACT_RU_VARIABLE")).as("the variables compared").contains(OLD_TITLE, OLD_QUESTION);
            assertThat(rowsBefore.get("ACT_HI_COMMENT")).as("the comments compared").contains(OLD_COMMENT);
        }

        // when the application starts as it is now
        try (ConfigurableApplicationContext app = start()) {
            // then the engine's tables are Camunda's in utf8mb4, Twinflow's indexes on them still there
            try (Connection connection = MySqlTestDatabase.current().connect()) {
                EngineSchemaShape.checkUtf8mb4(connection);
                assertThat(EngineSchemaShape.of(connection)).isEqualTo(EngineSchemaShape.ofCamundasScriptsInUtf8mb4(MySqlTestDatabase.current()));
                assertThat(strings(connection, "SELECT DISTINCT INDEX_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() "
                        + "AND INDEX_NAME LIKE 'TW\\_%' ORDER BY 1")).containsExactly("TW_IDX_TASK_DUE_DATE", "TW_IDX_TASK_KEY_DUE", "TW_IDX_TASK_PARENT");
                assertThat(strings(connection, "SELECT version FROM flyway_schema_history WHERE version >= '015' AND success = 1 ORDER BY 1"))
                        .startsWith("015", "016");
            }
            // and every row is as it was
            assertThat(rowsOf(KEPT_TABLES)).isEqualTo(rowsBefore);
            TaskService tasks = app.getBean(TaskService.class);
            assertThat(app.getBean(RuntimeService.class).getVariable(processOf(app, waiting), CLARIFICATION_QUESTION)).isEqualTo(OLD_QUESTION);

            // and the work goes on with any character: a comment, a form's text and a new proposal's title
            Task screening = screeningTask(app, inScreening);
            comment(app, screening, NEW_COMMENT);
            assertThat(tasks.getTaskComments(screening.getId())).extracting(Comment::getFullMessage).containsExactly(NEW_COMMENT);
            tasks.complete(screening.getId(), Map.of(SCREENING_OUTCOME, "needs_clarification", CLARIFICATION_QUESTION, NEW_QUESTION));
            assertThat(app.getBean(RuntimeService.class).getVariable(processOf(app, inScreening), CLARIFICATION_QUESTION)).isEqualTo(NEW_QUESTION);
            City city = app.getBean(CityRepository.class).save(ProposalFixtures.semarang(app.getBean(Clock.class).instant()));
            String fresh = submit(app, city, NEW_TITLE, cityOfficer);
            Task freshScreening = screeningTask(app, fresh);
            assertThat(freshScreening.getName()).isEqualTo("Screen proposal " + fresh + " · " + NEW_TITLE);
            assertThat(tasks.getVariable(freshScreening.getId(), PROPOSAL_TITLE)).isEqualTo(NEW_TITLE);

            // and the instance that waited since before goes on: the city answers, screening comes back under the same name
            app.getBean(ScreeningService.class).answerClarification(waiting, "The resolution is attached – ขอบคุณ 😀.", cityOfficer);
            Jobs.runAsync(app.getBean(ManagementService.class));
            assertThat(screeningTask(app, waiting).getName()).isEqualTo("Screen proposal " + waiting + " · " + OLD_TITLE);
        }
    }

    private static ConfigurableApplicationContext start(String... overrides) {
        List<String> args = new ArrayList<>();
        MySqlTestDatabase.applicationSettings(ADMIN_ID, ADMIN_PASSWORD).forEach((name, value) -> args.add("--" + name + "=" + value));
        args.add("--server.port=0");
        args.addAll(List.of(overrides));
        return new SpringApplicationBuilder(TwinflowApplication.class).profiles("mysql").run(args.toArray(String[]::new));
    }

    private static String submit(ConfigurableApplicationContext app, City city, String title, String officer) {
        Proposal proposal = app.getBean(ProposalService.class).submitNew(ProposalFixtures.mobilityProposal(city.getId(),
                LocalDate.now(app.getBean(Clock.class)), title, List.of(ProposalFixtures.toyama())), officer);
        Jobs.runAsync(app.getBean(ManagementService.class));
        return proposal.getReference();
    }

    private static Task screeningTask(ConfigurableApplicationContext app, String reference) {
        return app.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(TASK_SCREEN_PROPOSAL)
                .singleResult();
    }

    private static String processOf(ConfigurableApplicationContext app, String reference) {
        return app.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    private static void comment(ConfigurableApplicationContext app, Task task, String text) {
        IdentityService identity = app.getBean(IdentityService.class);
        identity.setAuthentication(SECRETARY, List.of(StaffGroups.SECRETARIAT));
        try {
            app.getBean(TaskService.class).createComment(task.getId(), task.getProcessInstanceId(), text);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Each table's rows, every column as text (binary ones in hex), ordered by id. */
    private static Map<String, String> rowsOf(List<String> tables) throws SQLException {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection connection = MySqlTestDatabase.current().connect(); Statement sql = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rs = sql.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
                    StringBuilder text = new StringBuilder();
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            int type = rs.getMetaData().getColumnType(i);
                            boolean binary = type == Types.BLOB || type == Types.LONGVARBINARY || type == Types.VARBINARY || type == Types.BINARY;
                            byte[] bytes = binary ? rs.getBytes(i) : null;
                            text.append(binary ? (bytes == null ? "null" : HexFormat.of().formatHex(bytes)) : rs.getString(i)).append(" | ");
                        }
                        text.append('\n');
                    }
                    rows.put(table, text.toString());
                }
            }
        }
        return rows;
    }

    private static String collationOf(String table) throws SQLException {
        try (Connection connection = MySqlTestDatabase.current().connect()) {
            return strings(connection, "SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                    + table + "'").get(0);
        }
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
