package org.twinflow.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.twinflow.TestUsers;
import org.twinflow.system.StaffGroups;
import org.twinflow.tasklist.TasklistFilters;

/**
 * The budget of the staff's task queries, checked without timing: the SQL the engine sends for every shared filter's
 * list and count, for {@code GET /task?candidateGroup=secretariat} and for a list's column variables keeps the shape that made them fast, and what that
 * shape relies on is in place. Each check names what regressed if it fails; docs/performance-task-queries.md has the
 * numbers behind them.
 */
final class TaskQueryShape {

    /** The filters and the staff member (by group) who uses each. */
    private static final Map<String, String> FILTER_USERS = Map.of(
            TasklistFilters.SCREENING, StaffGroups.SECRETARIAT, TasklistFilters.ASSIGN_REVIEWERS, StaffGroups.SECRETARIAT,
            TasklistFilters.AGREEMENTS_AND_REPORTS, StaffGroups.SECRETARIAT, TasklistFilters.MY_REVIEWS, StaffGroups.REVIEWERS,
            TasklistFilters.DECISIONS, StaffGroups.COMMITTEE, TasklistFilters.OVERDUE, StaffGroups.SECRETARIAT);

    private TaskQueryShape() {
    }

    /** The engine settings chosen in application.yaml, with their reason. */
    static void checkEngineSettings(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        assertThat(configuration).as("the engine configuration carrying the task query patch").isInstanceOf(TwinflowProcessEngineConfiguration.class);
        assertThat(configuration.isCmmnEnabled()).as("cmmn-enabled false: the task query joins process definitions with an inner join").isFalse();
        assertThat(configuration.isStandaloneTasksEnabled()).as("standalone-tasks-enabled false: same").isFalse();
        assertThat(configuration.getQueryMaxResultsLimit()).as("no query-max-results-limit: Cockpit asks for statistics unpaged")
                .isEqualTo(Integer.MAX_VALUE);
    }

    /** Each filter's list and count as the staff member using it, and the REST query of the issue. */
    static void checkQueries(ProcessEngine engine) {
        TestUsers.ensure(engine.getIdentityService(), "shapesec", "Shape", "Secretariat", "shapesec@example.org", "shape-sec", StaffGroups.SECRETARIAT);
        SqlCapture capture = SqlCapture.on(engine);
        for (Map.Entry<String, String> filter : FILTER_USERS.entrySet()) {
            String filterId = engine.getFilterService().createTaskFilterQuery().filterName(filter.getKey()).singleResult().getId();
            String user = "shape" + filter.getValue().replace("-", "");
            engine.getIdentityService().setAuthentication(user, List.of(filter.getValue()));
            try {
                String list = taskQuery(capture.during(() -> engine.getFilterService().listPage(filterId, 0, 15)));
                String count = taskQuery(capture.during(() -> engine.getFilterService().count(filterId)));
                for (String sql : List.of(list, count)) {
                    checkAuthorizationCheck(filter.getKey(), sql);
                    assertThat(sql).as("%s: no join at all (the filter has no candidate criteria), so that nothing multiplies the rows "
                            + "and MariaDB reads tasks in due-date order: %s", filter.getKey(), sql).contains(" FROM ACT_RU_TASK RES WHERE ");
                }
                assertThat(list).as("%s list: sorted by due date, which the index TW_IDX_TASK_DUE_DATE serves: %s", filter.getKey(), list)
                        .contains(" ORDER BY RES.DUE_DATE_ ASC ");
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
        }
        engine.getIdentityService().setAuthentication("shapesec", List.of(StaffGroups.SECRETARIAT));
        try {
            String list = taskQuery(capture.during(() -> engine.getTaskService().createTaskQuery().taskCandidateGroup(StaffGroups.SECRETARIAT)
                    .orderByDueDate().asc().listPage(0, 15)));
            checkAuthorizationCheck("GET /task?candidateGroup=secretariat", list);
            // the variables of a list's columns, as the REST API's filter list loads them for Tasklist
            String variables = variableQuery(capture.during(() -> engine.getRuntimeService().createVariableInstanceQuery()
                    .variableScopeIdIn("a-task", "an-execution").variableNameIn("proposalReference", "proposalTitle").list()));
            assertThat(variables).as("a list's column variables: the authorization check is EXISTS per resource id "
                    + "(VariableQueryAuthorizationPatch), not Camunda's join that reads every authorization (58 ms at 10 000 proposals): %s", variables)
                    .contains("EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
                    .doesNotContain("AUTH ON").doesNotContain(" AUTH.");
            assertThat(list).as("GET /task?candidateGroup=secretariat joins only the identity links: %s", list)
                    .contains(" FROM ACT_RU_TASK RES LEFT JOIN ACT_RU_IDENTITYLINK I ON I.TASK_ID_ = RES.ID_ WHERE ");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static void checkAuthorizationCheck(String what, String sql) {
        assertThat(sql).as("%s: the authorization check is an EXISTS per task (TaskQueryAuthorizationPatch), not Camunda's join that "
                + "grows with tasks x authorizations (20 s at 10 000 tasks): %s", what, sql)
                .contains("EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2")
                .doesNotContain("AUTH ON").doesNotContain(" AUTH.");
        assertThat(sql).as("%s: the definition key is looked up inside the check, not by joining every task with ACT_RE_PROCDEF: %s", what, sql)
                .doesNotContain("JOIN ACT_RE_PROCDEF");
        assertThat(sql).as("%s: no case-task exception (cmmn-enabled false): %s", what, sql).doesNotContain("CASE_EXECUTION_ID_ IS NOT NULL OR");
    }

    private static String variableQuery(List<String> statements) {
        List<String> variable = statements.stream().map(s -> s.toUpperCase(Locale.ROOT) + " ").filter(s -> s.contains(" FROM ACT_RU_VARIABLE RES ")).toList();
        assertThat(variable).as("variable queries among %s", statements).hasSize(1);
        return variable.get(0);
    }

    private static String taskQuery(List<String> statements) {
        List<String> task = statements.stream().map(s -> s.toUpperCase(Locale.ROOT) + " ").filter(s -> s.contains(" FROM ACT_RU_TASK RES ")).toList();
        assertThat(task).as("task queries among %s", statements).hasSize(1);
        return task.get(0);
    }

    /** The indexes of db/engine-migration on ACT_RU_TASK, by name and column. */
    static void checkIndexes(DataSource dataSource) throws SQLException {
        List<String> indexes = indexes(dataSource, "ACT_RU_TASK");
        assertThat(indexes).as("completing a task looks up its sub-tasks by PARENT_TASK_ID_; Camunda's schema has no index for it")
                .contains("TW_IDX_TASK_PARENT(PARENT_TASK_ID_)");
        assertThat(indexes).as("the filters list 15 tasks by due date; without this index every matching task is sorted")
                .contains("TW_IDX_TASK_DUE_DATE(DUE_DATE_)");
        assertThat(indexes).as("filters select task keys; without this index a filter with few tasks reads all tasks")
                .contains("TW_IDX_TASK_KEY_DUE(TASK_DEF_KEY_)", "TW_IDX_TASK_KEY_DUE(DUE_DATE_)");
    }

    static List<String> indexes(DataSource dataSource, String table) throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String name = metadata.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            try (ResultSet rows = metadata.getIndexInfo(connection.getCatalog(), null, name, false, false)) {
                while (rows.next()) {
                    if (rows.getString("INDEX_NAME") != null) {
                        indexes.add(rows.getString("INDEX_NAME").toUpperCase(Locale.ROOT) + "(" + rows.getString("COLUMN_NAME").toUpperCase(Locale.ROOT) + ")");
                    }
                }
            }
        }
        return indexes;
    }
}
