package org.twinflow.tasklist;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.twinflow.TestUsers;
import org.twinflow.process.ProposalProcess;
import org.twinflow.system.StaffGroups;

/**
 * Open staff tasks in bulk on a MySQL-compatible database, as production has them: one task of each kind is
 * created by the engine from the real {@code partnership-proposal} (screening for the secretariat, a review
 * assigned to a reviewer, a decision for the committee), then its rows — process instance, task, candidate
 * link, the engine's per-task authorization — are copied with new ids, due dates spread over two months (a
 * tenth overdue). 70 % screening, 20 % reviews (spread over {@value #REVIEWERS} reviewers), 10 % decisions.
 * History rows are not copied: the task queries and a completion do not read them by anything but ids.
 */
final class TaskLoad {

    static final int REVIEWERS = 20;
    static final String SECRETARY = "bsec";
    static final String COMMITTEE_MEMBER = "bcom";

    enum Kind {
        SCREENING(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL, 70), REVIEW(ProposalProcess.Elements.TASK_SCORE_PROPOSAL, 20),
        DECISION(ProposalProcess.Elements.TASK_DECIDE_ON_PROPOSAL, 10);

        final String activity;
        final int percent;

        Kind(String activity, int percent) {
            this.activity = activity;
            this.percent = percent;
        }

        String prefix() {
            return "b" + name().charAt(0);
        }
    }

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final Map<Kind, String> templates = new LinkedHashMap<>();
    private final Map<Kind, Integer> copies = new LinkedHashMap<>();

    TaskLoad(ProcessEngine engine, JdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    static String reviewer(int i) {
        return "brev" + i;
    }

    /** Staff users, the three template tasks and a table of numbers. */
    void prepare() {
        var identity = engine.getIdentityService();
        TestUsers.ensure(identity, SECRETARY, "Bench", "Secretary", "bsec@example.org", "bench", StaffGroups.SECRETARIAT);
        TestUsers.ensure(identity, COMMITTEE_MEMBER, "Bench", "Committee", "bcom@example.org", "bench", StaffGroups.COMMITTEE);
        for (int i = 1; i <= REVIEWERS; i++) {
            TestUsers.ensure(identity, reviewer(i), "Bench", "Reviewer " + i, reviewer(i) + "@example.org", "bench", StaffGroups.REVIEWERS);
        }
        for (Kind kind : Kind.values()) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put(ProposalProcess.Vars.PROPOSAL_REFERENCE, "TW-BENCH-" + kind.name());
            variables.put(ProposalProcess.Vars.PROPOSAL_TITLE, "Bench " + kind.name().toLowerCase());
            variables.put(ProposalProcess.Vars.LEAD_CITY, "Semarang");
            variables.put(ProposalProcess.Vars.REVIEWER, reviewer(1));
            variables.put(ProposalProcess.Vars.REVIEWERS, List.of(reviewer(1)));
            variables.put(ProposalProcess.Vars.REVIEW_DUE_AT, new Date(System.currentTimeMillis() + 21L * 86_400_000));
            ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(ProposalProcess.PROCESS_KEY)
                    .businessKey("TW-BENCH-" + kind.name()).startBeforeActivity(kind.activity).setVariables(variables)
                    .execute(true, true);
            String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
            templates.put(kind, taskId);
            copies.put(kind, 0);
        }
        jdbc.execute("CREATE TABLE bench_digit (d INT PRIMARY KEY)");
        jdbc.execute("INSERT INTO bench_digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
        jdbc.execute("CREATE TABLE bench_n (n INT PRIMARY KEY)");
        jdbc.execute("INSERT INTO bench_n SELECT a.d + 10 * b.d + 100 * c.d + 1000 * d.d + 10000 * e.d + 100000 * f.d "
                + "FROM bench_digit a, bench_digit b, bench_digit c, bench_digit d, bench_digit e, bench_digit f");
    }

    /** Adds copies until {@code openTasks} tasks (about) are open, in the kinds' shares. */
    void growTo(int openTasks) {
        for (Kind kind : Kind.values()) {
            int wanted = openTasks * kind.percent / 100 - 1;
            int from = copies.get(kind);
            if (wanted > from) {
                copy(kind, from, wanted);
                copies.put(kind, wanted);
            }
        }
        for (String table : List.of("ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_RU_IDENTITYLINK", "ACT_RU_AUTHORIZATION")) {
            jdbc.execute("ANALYZE TABLE " + table);
        }
    }

    int openTasks() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_TASK", Integer.class);
    }

    private void copy(Kind kind, int from, int to) {
        String template = templates.get(kind);
        String p = kind.prefix();
        String range = " FROM bench_n N, %s T WHERE N.n >= " + from + " AND N.n < " + to + " AND T.%s = '%s'";
        String execution = "CONCAT('" + p + "e', N.n)";
        String task = "CONCAT('" + p + "t', N.n)";
        String assignee = kind == Kind.REVIEW ? "CONCAT('brev', 1 + MOD(N.n, " + REVIEWERS + "))" : "T.ASSIGNEE_";
        String processInstanceOfTemplate = jdbc.queryForObject("SELECT PROC_INST_ID_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, template);
        insertCopy("ACT_RU_EXECUTION", Map.of("ID_", execution, "PROC_INST_ID_", execution, "ROOT_PROC_INST_ID_", execution,
                "BUSINESS_KEY_", "CONCAT('TW-BENCH-', '" + p + "', N.n)", "PARENT_ID_", "NULL", "SUPER_EXEC_", "NULL"),
                String.format(range, "ACT_RU_EXECUTION", "ID_", processInstanceOfTemplate));
        insertCopy("ACT_RU_TASK", Map.of("ID_", task, "EXECUTION_ID_", execution, "PROC_INST_ID_", execution,
                "NAME_", "CONCAT(T.NAME_, ' ', N.n)", "ASSIGNEE_", assignee,
                "DUE_DATE_", "DATE_ADD(T.DUE_DATE_, INTERVAL (MOD(N.n * 7919, 60) - 12) DAY)",
                "CREATE_TIME_", "DATE_SUB(T.CREATE_TIME_, INTERVAL MOD(N.n, 10000) MINUTE)"),
                String.format(range, "ACT_RU_TASK", "ID_", template));
        insertCopy("ACT_RU_IDENTITYLINK", Map.of("ID_", "CONCAT('" + p + "l', N.n)", "TASK_ID_", task),
                String.format(range, "ACT_RU_IDENTITYLINK", "TASK_ID_", template));
        insertCopy("ACT_RU_AUTHORIZATION", Map.of("ID_", "CONCAT('" + p + "a', N.n)", "RESOURCE_ID_", task,
                "USER_ID_", kind == Kind.REVIEW ? assignee : "T.USER_ID_", "ROOT_PROC_INST_ID_", execution),
                String.format(range, "ACT_RU_AUTHORIZATION", "RESOURCE_ID_", template) + " AND T.RESOURCE_TYPE_ = 7");
    }

    private void insertCopy(String table, Map<String, String> overrides, String fromWhere) {
        List<String> columns = jdbc.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                + "AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", String.class, table);
        String select = columns.stream().map(c -> overrides.getOrDefault(c, "T." + c)).collect(Collectors.joining(", "));
        jdbc.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + fromWhere);
    }
}
