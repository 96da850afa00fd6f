package org.twinflow.system.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstanceQuery;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.twinflow.TestUsers;
import org.twinflow.process.ProposalProcess;
import org.twinflow.system.StaffGroups;

/**
 * Who sees which task and which variable, asked of the application's engine (with {@link TaskQueryAuthorizationPatch}
 * and {@link VariableQueryAuthorizationPatch}) and of Camunda's engine as it ships (a second engine on the same database,
 * {@link #unpatchedEngine}), for a matrix of users and authorizations and a set of task and variable queries: both must
 * answer the same, task for task, in the same order.
 * <p>
 * Users: group grants per task (candidate groups), user grants per task (candidate user, assignee), an explicit grant
 * on one task, READ_TASK on a process definition and on every definition, READ on every task, a global grant on one
 * task, grants that must not count (UPDATE without READ, HISTORIC_TASK, READ on the definition without READ_TASK), a
 * TASK grant whose resource id is a definition key (Camunda's join matches it), a REVOKE (Camunda's own check runs),
 * administrators, a user in several groups, and the staff groups on the real process. Queries: all, counts, sorted and
 * paged, the filters' criteria (task keys, assignee, due date), candidate group and user, an OR query, the process
 * definition key, and every shared Tasklist filter; variables of the instances, of a list's tasks, executions and
 * instances by name (as Tasklist loads a list's columns), with READ on an instance, READ_INSTANCE on a definition and
 * task-local variables. Once with the production flags (CMMN and standalone tasks off),
 * once with both on (left joins, the case-task exception; a standalone task exists then).
 */
final class TaskVisibilityMatrix {

    static final String MATRIX = "taskQueryMatrix";
    static final String OTHER = "taskQueryMatrixOther";
    static final String BUSINESS_KEY = "TW-TQMATRIX";
    private static final List<String> MATRIX_TASKS = List.of("tqGroupA", "tqGroupB", "tqBoth", "tqUser2", "tqAssigned", "tqNobody");

    private final ProcessEngine patched;
    private final ProcessEngine camunda;
    private final List<String> authorizationIds = new ArrayList<>();
    private final List<String> userIds = new ArrayList<>();
    private final List<String> groupIds = new ArrayList<>();
    private final Map<String, List<String>> users = new LinkedHashMap<>();
    private final List<String> instanceIds = new ArrayList<>();
    private String deploymentId;
    private String standaloneTaskId;
    private int comparisons;

    TaskVisibilityMatrix(ProcessEngine patched, ProcessEngine camunda) {
        this.patched = patched;
        this.camunda = camunda;
    }

    /** Camunda's engine as it ships, on the application's database: no patch, no schema changes, no jobs. */
    /**
     * Builds the matrix on {@code engine}'s database, compares what every user sees through the application's engine
     * and through an unpatched one (with and without OR queries), checks the visibility known by construction, and
     * removes it all again; returns the number of comparisons made.
     */
    static int compareWithCamundasOwnQuery(ProcessEngine engine, DataSource dataSource, String databaseType) {
        ProcessEngine camunda = unpatchedEngine(dataSource, databaseType);
        TaskVisibilityMatrix matrix = new TaskVisibilityMatrix(engine, camunda);
        try {
            matrix.create();
            matrix.addStandaloneTask();
            int comparisons = matrix.compare(false) + matrix.compare(true);
            matrix.checkKnownVisibility();
            return comparisons;
        } finally {
            matrix.delete();
            camunda.close();
        }
    }

    static ProcessEngine unpatchedEngine(DataSource dataSource, String databaseType) {
        ProcessEngineConfigurationImpl configuration = new StandaloneProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseType(databaseType);
        configuration.setDatabaseSchemaUpdate("false");
        // as the application: a fresh database has no CMMN tables (the flags are switched per comparison afterwards)
        configuration.setCmmnEnabled(false);
        configuration.setStandaloneTasksEnabled(false);
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setEnableExpressionsInStoredQueries(true);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setProcessEngineName("camunda-unpatched-" + Long.toHexString(System.nanoTime()));
        configuration.setHistory("full");
        return configuration.buildProcessEngine();
    }

    /** Creates the users, groups, tasks and authorizations. */
    void create() {
        IdentityService identity = patched.getIdentityService();
        for (String group : List.of("tqA", "tqB", "tqC", "tqD", "tqE", "tqF")) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                Group g = identity.newGroup(group);
                identity.saveGroup(g);
                groupIds.add(group);
            }
        }
        user("tqu1", "tqA");
        user("tqu2", "tqB");
        user("tqu3", "tqA", "tqB");
        user("tqu4");
        user("tqu5", "tqC");
        user("tqu6");
        user("tqu7", "tqD");
        user("tqu8", "tqA");
        user("tqu9");
        user("tqu10", "tqE");
        user("tqu11");
        user("tqu12", "tqF");
        user("tqadmin", StaffGroups.ADMINS);
        user("tqsec", StaffGroups.SECRETARIAT);
        user("tqrev1", StaffGroups.REVIEWERS);
        user("tqrev2", StaffGroups.REVIEWERS);
        user("tqcom", StaffGroups.COMMITTEE);
        user("tqcity", StaffGroups.CITIES);
        user("tqmany", "tqA", "tqC", StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS);

        Deployment deployment = patched.getRepositoryService().createDeployment().name("task-query-matrix")
                .addModelInstance(MATRIX + ".bpmn", matrixProcess()).addModelInstance(OTHER + ".bpmn", otherProcess()).deploy();
        deploymentId = deployment.getId();
        Instant now = Instant.now();
        for (int instance = 0; instance < 2; instance++) {
            Map<String, Object> dueDates = new LinkedHashMap<>();
            for (int k = 0; k < MATRIX_TASKS.size(); k++) {
                // distinct due dates, some in the past, so that sorted pages are deterministic on every database
                dueDates.put("due" + k, Date.from(now.plus(Duration.ofHours(instance * 10L + k * 3L - 20))));
            }
            instanceIds.add(patched.getRuntimeService().startProcessInstanceByKey(MATRIX, BUSINESS_KEY, dueDates).getId());
        }
        instanceIds.add(patched.getRuntimeService().startProcessInstanceByKey(OTHER, BUSINESS_KEY,
                Map.of("due0", Date.from(now.plus(Duration.ofHours(7))))).getId());
        realTask(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL, "tqrev1");
        realTask(ProposalProcess.Elements.TASK_SCORE_PROPOSAL, "tqrev1");
        realTask(ProposalProcess.Elements.TASK_SCORE_PROPOSAL, "tqrev2");
        realTask(ProposalProcess.Elements.TASK_DECIDE_ON_PROPOSAL, "tqrev1");

        String x = task(0, "tqNobody");
        String y = task(1, "tqNobody");
        String z = task(0, "tqGroupA");
        grantUser("tqu4", Resources.TASK, x, Permissions.READ);
        grantGroup("tqC", Resources.PROCESS_DEFINITION, MATRIX, ProcessDefinitionPermissions.READ_TASK);
        grantUser("tqu6", Resources.TASK, "*", Permissions.READ);
        Authorization global = patched.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        global.setUserId(Authorization.ANY);
        global.setResource(Resources.TASK);
        global.setResourceId(y);
        global.addPermission(Permissions.READ);
        authorizationIds.add(patched.getAuthorizationService().saveAuthorization(global).getId());
        grantGroup("tqD", Resources.TASK, z, TaskPermissions.UPDATE);
        grantGroup("tqD", Resources.HISTORIC_TASK, z, HistoricTaskPermissions.READ);
        grantGroup("tqD", Resources.PROCESS_DEFINITION, MATRIX, ProcessDefinitionPermissions.READ);
        Authorization revoke = patched.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("tqu8");
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(z);
        revoke.removePermission(Permissions.READ);
        authorizationIds.add(patched.getAuthorizationService().saveAuthorization(revoke).getId());
        grantUser("tqu9", Resources.TASK, OTHER, Permissions.READ);
        grantGroup("tqE", Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_TASK);
        // for the variable query: READ on one process instance, READ_INSTANCE on a definition, a task's local variable
        grantUser("tqu11", Resources.PROCESS_INSTANCE, instanceIds.get(0), Permissions.READ);
        grantGroup("tqF", Resources.PROCESS_DEFINITION, OTHER, ProcessDefinitionPermissions.READ_INSTANCE);
        patched.getTaskService().setVariableLocal(x, "taskNote", "a note on one task");
        patched.getTaskService().setVariableLocal(z, "taskNote", "a note on another task");
    }

    /** Compares every user's view through both engines, with the given engine flags; returns the number of comparisons. */
    int compare(boolean cmmnAndStandaloneTasks) {
        flags(patched, cmmnAndStandaloneTasks);
        flags(camunda, cmmnAndStandaloneTasks);
        Map<String, String> filters = new LinkedHashMap<>();
        patched.getFilterService().createTaskFilterQuery().list().forEach(f -> filters.put(f.getName(), f.getId()));
        Date dueSoon = Date.from(Instant.now().plus(Duration.ofHours(2)));
        Map<String, Function<TaskQuery, TaskQuery>> queries = new LinkedHashMap<>();
        queries.put("all", q -> q);
        queries.put("by due date, then id", q -> q.orderByDueDate().asc().orderByTaskId().asc());
        queries.put("by creation, newest first, then id", q -> q.orderByTaskCreateTime().desc().orderByTaskId().asc());
        queries.put("matrix task keys (a filter's criteria)", q -> q.taskDefinitionKeyIn("tqGroupA", "tqAssigned", "tqNobody", "tqOther")
                .orderByDueDate().asc().orderByTaskId().asc());
        queries.put("staff task keys (Screening, My reviews, Decisions)", q -> q.taskDefinitionKeyIn(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL,
                ProposalProcess.Elements.TASK_SCORE_PROPOSAL, ProposalProcess.Elements.TASK_DECIDE_ON_PROPOSAL).orderByDueDate().asc().orderByTaskId().asc());
        queries.put("due before (Overdue's criterion)", q -> q.dueBefore(dueSoon).orderByDueDate().asc().orderByTaskId().asc());
        queries.put("candidate group tqA", q -> q.taskCandidateGroup("tqA").orderByDueDate().asc().orderByTaskId().asc());
        queries.put("candidate group secretariat", q -> q.taskCandidateGroup(StaffGroups.SECRETARIAT).orderByDueDate().asc().orderByTaskId().asc());
        queries.put("candidate groups tqA, tqB incl. assigned", q -> q.taskCandidateGroupIn(List.of("tqA", "tqB")).includeAssignedTasks()
                .orderByTaskId().asc());
        queries.put("with candidate groups", q -> q.withCandidateGroups().orderByTaskId().asc());
        queries.put("candidate user tqu2", q -> q.taskCandidateUser("tqu2").orderByTaskId().asc());
        queries.put("or: candidate group tqA or assignee tqu1", q -> q.or().taskCandidateGroup("tqA").taskAssignee("tqu1").endOr()
                .orderByTaskId().asc());
        queries.put("process definition key " + MATRIX, q -> q.processDefinitionKey(MATRIX).orderByTaskId().asc());
        queries.put("business key", q -> q.processInstanceBusinessKey(BUSINESS_KEY).orderByTaskId().asc());
        int before = comparisons;
        for (Map.Entry<String, List<String>> user : users.entrySet()) {
            for (Map.Entry<String, Function<TaskQuery, TaskQuery>> query : queries.entrySet()) {
                String what = user.getKey() + " " + user.getValue() + ", " + query.getKey() + ", CMMN/standalone " + cmmnAndStandaloneTasks;
                same(what + ", list", user, e -> ids(query.getValue().apply(e.getTaskService().createTaskQuery()).listPage(0, 1000)));
                same(what + ", count", user, e -> query.getValue().apply(e.getTaskService().createTaskQuery()).count());
                same(what + ", page 2 of 3", user, e -> ids(query.getValue().apply(e.getTaskService().createTaskQuery()).listPage(3, 3)));
            }
            for (Map.Entry<String, Function<VariableInstanceQuery, VariableInstanceQuery>> query : variableQueries().entrySet()) {
                String what = user.getKey() + " " + user.getValue() + ", variables " + query.getKey() + ", CMMN/standalone " + cmmnAndStandaloneTasks;
                same(what + ", list", user, e -> variableIds(query.getValue().apply(e.getRuntimeService().createVariableInstanceQuery()).list()));
                same(what + ", count", user, e -> query.getValue().apply(e.getRuntimeService().createVariableInstanceQuery()).count());
            }
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                String what = user.getKey() + " " + user.getValue() + ", filter " + filter.getKey() + ", CMMN/standalone " + cmmnAndStandaloneTasks;
                same(what + ", readable", user, e -> e.getFilterService().createTaskFilterQuery().filterId(filter.getValue()).count());
                if (as(patched, user, e -> e.getFilterService().createTaskFilterQuery().filterId(filter.getValue()).count()) > 0) {
                    same(what + ", list", user, e -> sortedIds(e.getFilterService().listPage(filter.getValue(), 0, 1000)));
                    same(what + ", count", user, e -> e.getFilterService().count(filter.getValue()));
                }
            }
        }
        return comparisons - before;
    }

    /**
     * The variable queries: of the matrix's instances, and as Tasklist asks for a list's columns (the page's tasks,
     * their executions and instances as variable scopes, the columns' names; VariableQueryAuthorizationPatch).
     */
    private Map<String, Function<VariableInstanceQuery, VariableInstanceQuery>> variableQueries() {
        List<Task> tasks = patched.getTaskService().createTaskQuery().processInstanceIdIn(instanceIds.toArray(String[]::new)).list();
        List<String> scopes = new ArrayList<>();
        tasks.forEach(t -> {
            scopes.add(t.getId());
            scopes.add(t.getExecutionId());
            scopes.add(t.getProcessInstanceId());
        });
        String[] scopeIds = scopes.stream().distinct().toArray(String[]::new);
        Map<String, Function<VariableInstanceQuery, VariableInstanceQuery>> queries = new LinkedHashMap<>();
        queries.put("of the instances", q -> q.processInstanceIdIn(instanceIds.toArray(String[]::new)).orderByVariableName().asc());
        queries.put("of the tasks' scopes by name (a filter list's columns)", q -> q.variableScopeIdIn(scopeIds)
                .variableNameIn("due0", "due1", "taskNote", ProposalProcess.Vars.REVIEWER));
        queries.put("by name", q -> q.variableName("taskNote"));
        return queries;
    }

    /** Facts the comparison alone would not catch if both engines were wrong the same way: the matrix is not vacuous. */
    void checkKnownVisibility() {
        flags(patched, false);
        String x = task(0, "tqNobody");
        String y = task(1, "tqNobody");
        String z = task(0, "tqGroupA");
        assertThat(visible("tqu4")).as("an explicit grant on one task, and the global grant").containsExactlyInAnyOrder(x, y);
        assertThat(visible("tqu7")).as("UPDATE without READ, HISTORIC_TASK and READ on the definition show nothing but the global grant")
                .containsExactly(y);
        assertThat(visible("tqu1")).as("candidate group tqA and the assignee").contains(z, task(0, "tqBoth"), task(0, "tqAssigned"))
                .doesNotContain(task(0, "tqGroupB"), x);
        assertThat(visible("tqu8")).as("a REVOKE takes away one task of the group").doesNotContain(z).contains(task(1, "tqGroupA"));
        assertThat(visible("tqu5")).as("READ_TASK on the definition: its tasks, no other definition's").contains(x, z)
                .doesNotContain(taskOf(OTHER));
        assertThat(visible("tqu9")).as("a TASK grant on a definition key counts (Camunda's join matches it)").contains(taskOf(OTHER));
        assertThat(visible("tqcity")).as("a city account sees the global grant only").containsExactly(y);
        String reviewOf1 = realTaskOf(ProposalProcess.Elements.TASK_SCORE_PROPOSAL, "tqrev1");
        String reviewOf2 = realTaskOf(ProposalProcess.Elements.TASK_SCORE_PROPOSAL, "tqrev2");
        assertThat(visible("tqrev1")).as("a reviewer sees their review, never another reviewer's").contains(reviewOf1).doesNotContain(reviewOf2);
        assertThat(visible("tqsec")).as("the secretariat sees screening, not reviews or decisions")
                .contains(realTaskOf(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL, null))
                .doesNotContain(reviewOf1, reviewOf2, realTaskOf(ProposalProcess.Elements.TASK_DECIDE_ON_PROPOSAL, null));
        assertThat(visible("tqadmin")).as("administrators see everything").contains(x, y, z, reviewOf1, reviewOf2);
        assertThat(visibleVariables("tqu11")).as("READ on an instance: its variables and its tasks', not the other instance's")
                .contains("due0", "due5", "taskNote").hasSize(8);
        assertThat(visibleVariables("tqu12")).as("READ_INSTANCE on a definition: the variables of its instance").containsExactly("due0");
        assertThat(visibleVariables("tqu4")).as("READ on a task: its local variable; the global grant on another task: none")
                .containsExactly("taskNote");
        assertThat(visibleVariables("tqcity")).as("a city account sees no variable").isEmpty();
    }

    /** A standalone task of group tqA, created while standalone tasks are allowed. */
    void addStandaloneTask() {
        standaloneTasks(patched, true);
        Task task = patched.getTaskService().newTask();
        task.setName("Standalone task of the matrix");
        task.setDueDate(Date.from(Instant.now().plus(Duration.ofHours(1))));
        patched.getTaskService().saveTask(task);
        patched.getTaskService().addCandidateGroup(task.getId(), "tqA");
        standaloneTaskId = task.getId();
    }

    void delete() {
        flags(patched, false);
        standaloneTasks(patched, true);
        if (standaloneTaskId != null) {
            patched.getTaskService().deleteTask(standaloneTaskId, true);
        }
        // first: deleting a task deletes the authorizations on its id
        authorizationIds.forEach(id -> patched.getAuthorizationService().deleteAuthorization(id));
        for (String instanceId : instanceIds) {
            // without listeners and input/output mappings: the real process's tasks were started without them too
            patched.getRuntimeService().deleteProcessInstance(instanceId, "task query matrix done", true, true, true);
        }
        if (deploymentId != null) {
            patched.getRepositoryService().deleteDeployment(deploymentId, true, true);
        }
        userIds.forEach(id -> patched.getIdentityService().deleteUser(id));
        groupIds.forEach(id -> patched.getIdentityService().deleteGroup(id));
        standaloneTasks(patched, false);
    }

    private void same(String what, Map.Entry<String, List<String>> user, Function<ProcessEngine, Object> query) {
        Object expected = as(camunda, user, query);
        Object actual = as(patched, user, query);
        assertThat(actual).as(what).isEqualTo(expected);
        comparisons++;
    }

    private static <T> T as(ProcessEngine engine, Map.Entry<String, List<String>> user, Function<ProcessEngine, T> query) {
        engine.getIdentityService().setAuthentication(user.getKey(), user.getValue());
        try {
            return query.apply(engine);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private List<String> visibleVariables(String userId) {
        return as(patched, Map.entry(userId, users.get(userId)), e -> e.getRuntimeService().createVariableInstanceQuery()
                .processInstanceIdIn(instanceIds.subList(0, 3).toArray(String[]::new)).list().stream().map(VariableInstance::getName).toList());
    }

    private List<String> visible(String userId) {
        return as(patched, Map.entry(userId, users.get(userId)), e -> ids(e.getTaskService().createTaskQuery().listPage(0, 1000)));
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    private static List<String> variableIds(List<VariableInstance> variables) {
        return variables.stream().map(VariableInstance::getId).sorted().toList();
    }

    private static List<String> sortedIds(List<Task> tasks) {
        return tasks.stream().map(Task::getId).sorted().toList();
    }

    private static void flags(ProcessEngine engine, boolean on) {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
        configuration.setCmmnEnabled(on);
        configuration.setStandaloneTasksEnabled(on);
    }

    private static void standaloneTasks(ProcessEngine engine, boolean on) {
        ((ProcessEngineImpl) engine).getProcessEngineConfiguration().setStandaloneTasksEnabled(on);
    }

    private void user(String id, String... groups) {
        if (patched.getIdentityService().createUserQuery().userId(id).count() == 0) {
            userIds.add(id);
        }
        TestUsers.ensure(patched.getIdentityService(), id, "Matrix", id, id + "@example.org", "matrix-" + id, groups);
        users.put(id, List.of(groups));
    }

    private void grantUser(String userId, Resource resource, String resourceId, Permission permission) {
        grant(userId, null, resource, resourceId, permission);
    }

    private void grantGroup(String groupId, Resource resource, String resourceId, Permission permission) {
        grant(null, groupId, resource, resourceId, permission);
    }

    private void grant(String userId, String groupId, Resource resource, String resourceId, Permission permission) {
        AuthorizationService authorizations = patched.getAuthorizationService();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(userId);
        grant.setGroupId(groupId);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        authorizationIds.add(authorizations.saveAuthorization(grant).getId());
    }

    private void realTask(String activity, String reviewer) {
        ProcessInstance instance = patched.getRuntimeService().createProcessInstanceByKey(ProposalProcess.PROCESS_KEY)
                .businessKey(BUSINESS_KEY + "-" + activity + "-" + reviewer).startBeforeActivity(activity)
                .setVariables(Map.of(ProposalProcess.Vars.REVIEWER, reviewer, ProposalProcess.Vars.REVIEWERS, List.of(reviewer),
                        ProposalProcess.Vars.REVIEW_DUE_AT, new Date(System.currentTimeMillis() + 86_400_000L)))
                .execute(true, true);
        instanceIds.add(instance.getId());
    }

    private String realTaskOf(String activity, String assignee) {
        TaskQuery query = patched.getTaskService().createTaskQuery().processInstanceIdIn(instanceIds.toArray(String[]::new)).taskDefinitionKey(activity);
        if (assignee != null) {
            query.taskAssignee(assignee);
        }
        return query.list().get(0).getId();
    }

    private String task(int instance, String key) {
        return patched.getTaskService().createTaskQuery().processInstanceId(instanceIds.get(instance)).taskDefinitionKey(key).singleResult().getId();
    }

    private String taskOf(String processKey) {
        return patched.getTaskService().createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(BUSINESS_KEY)
                .singleResult().getId();
    }

    private static BpmnModelInstance matrixProcess() {
        AbstractFlowNodeBuilder<?, ?> fork = Bpmn.createExecutableProcess(MATRIX).camundaHistoryTimeToLive(1).startEvent().parallelGateway("fork");
        fork.userTask("tqGroupA").camundaCandidateGroups("tqA").camundaDueDate("${due0}").endEvent();
        fork.moveToNode("fork").userTask("tqGroupB").camundaCandidateGroups("tqB").camundaDueDate("${due1}").endEvent();
        fork.moveToNode("fork").userTask("tqBoth").camundaCandidateGroups("tqA,tqB").camundaDueDate("${due2}").endEvent();
        fork.moveToNode("fork").userTask("tqUser2").camundaCandidateUsers("tqu2").camundaDueDate("${due3}").endEvent();
        fork.moveToNode("fork").userTask("tqAssigned").camundaAssignee("tqu1").camundaDueDate("${due4}").endEvent();
        return fork.moveToNode("fork").userTask("tqNobody").camundaDueDate("${due5}").endEvent().done();
    }

    private static BpmnModelInstance otherProcess() {
        return Bpmn.createExecutableProcess(OTHER).camundaHistoryTimeToLive(1).startEvent().userTask("tqOther").camundaCandidateGroups("tqA")
                .camundaDueDate("${due0}").endEvent().done();
    }
}
