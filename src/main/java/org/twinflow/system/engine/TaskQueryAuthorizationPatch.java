package org.twinflow.system.engine;

import java.util.List;

import org.twinflow.system.engine.MappingPatch.Replacement;

/**
 * The task query's authorization check as {@code EXISTS} sub-queries instead of a join with
 * {@code ACT_RU_AUTHORIZATION}, patched into Camunda 7.24's own {@code Task.xml} at start-up: the rewrite the
 * Camunda 7 forks made (CIB seven #151, Operaton #3152), which 7.24 CE lacks.
 * <p>
 * Camunda joins every task with every authorization row whose resource id is the task's id, its process
 * definition's key or {@code *}, and the engine writes one such row per open task: with 10 000 open tasks a
 * Tasklist filter took 20 s on MariaDB. Here each task is checked on its own, and a list sorted by due date
 * stops after its page. Who sees what does not change: a task is visible exactly when an authorization row
 * exists that the join would have found — a grant or global authorization ({@code TYPE_ < 2}) of the user, of
 * {@code *} or of one of the user's groups, that passes Camunda's own permission check
 * ({@code atomicChecksOnResourceTypeAndPerms}: READ on the task or READ_TASK on its process definition), on the
 * task's id, its definition's key or {@code *} — with the same case-task exception while CMMN is on, and, when
 * the engine would have inner-joined the process definition (CMMN and standalone tasks off), only tasks that
 * have one. Queries of users with REVOKE authorizations keep Camunda's own check, which uses no join.
 * <p>
 * The shape, measured on MariaDB 10.11 (docs/performance-task-queries.md): one sub-query per resource id, not
 * {@code IN (RES.ID_, D.KEY_, '*')} (that crashed MariaDB 10.11.19 in its sub-query cache) nor an {@code OR}
 * inside one sub-query (no index use); the definition's key is looked up inside the sub-query rather than by
 * joining {@code ACT_RE_PROCDEF} to every task, because with that join MariaDB sorted all matching tasks instead
 * of reading them in due-date order. {@code TaskQueryAuthorizationPatchIT} proves the results equal Camunda's.
 */
final class TaskQueryAuthorizationPatch {

    static final String TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";

    /** Conditions on an authorization row {@code A} of the current user or a group of theirs that grants what the query checks. */
    static final String AUTHORIZATION_CONDITIONS = """
                <sql id="twinflowAuthorizationConditions">
                  A.TYPE_ &lt; 2
                  AND ( A.USER_ID_ IN ( #{authCheck.authUserId, jdbcType=VARCHAR}, '*')
                    <if test="authCheck.authGroupIds != null &amp;&amp; authCheck.authGroupIds.size > 0">
                      OR A.GROUP_ID_ IN <foreach item="item" index="index" collection="authCheck.authGroupIds" open="(" separator="," close=")">#{item}</foreach>
                    </if>
                  )
                  <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
                  <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
                  <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.atomicChecksOnResourceTypeAndPerms" />
                </sql>
            """;

    static final MappingPatch PATCH = new MappingPatch(TASK_MAPPING, List.of(
            new Replacement("join ACT_RE_PROCDEF for the authorization check only where Camunda's revoke check needs D.KEY_", """
                    (query.processDefinitionKeys != null &amp;&amp; query.processDefinitionKeys.length > 0)) ||
                    authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
                    <bind name="D_JOIN" value="true" />
                    """, """
                    (query.processDefinitionKeys != null &amp;&amp; query.processDefinitionKeys.length > 0)) ||
                    authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null &amp;&amp; authCheck.revokeAuthorizationCheckEnabled">
                    <bind name="D_JOIN" value="true" />
                    """),
            new Replacement("drop the join with ACT_RU_AUTHORIZATION", """
                    <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
                      <if test="!authCheck.revokeAuthorizationCheckEnabled">
                        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
                        AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
                      </if>
                    </if>
                    """, """
                    <!-- Twinflow: no join with ACT_RU_AUTHORIZATION, the check is in the where clause (TaskQueryAuthorizationPatch) -->
                    """),
            new Replacement("check the authorizations with EXISTS", """
                    <bind name="applyAuthorizationCheckForCaseInstances" value="authCheck.useLeftJoin" />
                    <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
                    """, """
                    <!-- Twinflow: Camunda's authorization join as EXISTS per resource id (TaskQueryAuthorizationPatch) -->
                    <choose>
                      <when test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null &amp;&amp; !authCheck.revokeAuthorizationCheckEnabled">
                        and (
                          <if test="authCheck.useLeftJoin">RES.CASE_EXECUTION_ID_ IS NOT NULL OR</if>
                          EXISTS (SELECT 1 FROM ${prefix}ACT_RU_AUTHORIZATION A
                            WHERE <include refid="twinflowAuthorizationConditions" /> AND A.RESOURCE_ID_ = RES.ID_)
                          OR EXISTS (SELECT 1 FROM ${prefix}ACT_RE_PROCDEF PD, ${prefix}ACT_RU_AUTHORIZATION A
                            WHERE PD.ID_ = RES.PROC_DEF_ID_ AND A.RESOURCE_ID_ = PD.KEY_ AND <include refid="twinflowAuthorizationConditions" />)
                          OR EXISTS (SELECT 1 FROM ${prefix}ACT_RU_AUTHORIZATION A
                            WHERE <include refid="twinflowAuthorizationConditions" /> AND A.RESOURCE_ID_ = '*')
                        )
                        <!-- Camunda inner-joins the process definition here: only tasks that have one -->
                        <if test="queryForProcessTasksOnly">and RES.PROC_DEF_ID_ IS NOT NULL</if>
                      </when>
                      <otherwise>
                        <bind name="applyAuthorizationCheckForCaseInstances" value="authCheck.useLeftJoin" />
                        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
                      </otherwise>
                    </choose>
                    """),
            new Replacement("add the authorization conditions", """
                    <sql id="selectTaskByQueryCriteriaSql">
                    """, "<!-- Twinflow (TaskQueryAuthorizationPatch) -->\n" + AUTHORIZATION_CONDITIONS + """

                    <sql id="selectTaskByQueryCriteriaSql">
                    """)));

    private TaskQueryAuthorizationPatch() {
    }
}
