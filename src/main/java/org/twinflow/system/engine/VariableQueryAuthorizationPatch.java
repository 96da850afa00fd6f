package org.twinflow.system.engine;

import java.util.List;

import org.twinflow.system.engine.MappingPatch.Replacement;

/**
 * The variable query's authorization check as {@code EXISTS} sub-queries instead of a join with
 * {@code ACT_RU_AUTHORIZATION}, patched into Camunda 7.24's {@code VariableInstance.xml} as
 * {@link TaskQueryAuthorizationPatch} does for tasks.
 * <p>
 * Tasklist loads the variables a filter shows as columns with every list (the page's tasks, executions and
 * instances as variable scopes); Camunda joins each variable with every authorization row whose resource id is
 * its process instance, its definition's key, its task or {@code *}. The join's {@code OR} uses no index, so
 * MariaDB read the whole authorization table for each list: 58 ms at 10 000 proposals, most of a Screening list
 * (docs/performance.md). Who sees what does not change: a variable is visible exactly when Camunda's join would
 * have found an authorization row — a grant or global authorization of the user, of {@code *} or of one of the
 * user's groups passing Camunda's own permission check (READ on the process instance, READ_INSTANCE on the
 * definition or READ on the task), on one of those resource ids — or when it belongs to a case execution, as in
 * Camunda's check. Queries of users with REVOKE authorizations keep Camunda's own check. {@code TaskVisibilityMatrix}
 * compares the patched query with Camunda's for every user of its matrix.
 */
final class VariableQueryAuthorizationPatch {

    static final String VARIABLE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/VariableInstance.xml";

    static final MappingPatch PATCH = new MappingPatch(VARIABLE_MAPPING, List.of(
            new Replacement("drop the join with ACT_RU_AUTHORIZATION", """
                    <if test="!authCheck.revokeAuthorizationCheckEnabled">
                      <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.authCheckJoinWithoutOnClause" />
                      AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart}
                        RES.PROC_INST_ID_
                        ${authJoinSeparator} PROC_EXECUTION.ID_
                        ${authJoinSeparator} PROCDEF.KEY_
                        ${authJoinSeparator} RES.TASK_ID_
                        ${authJoinSeparator} '*'
                        ${authJoinEnd}
                      )
                    </if>
                    """, """
                    <!-- Twinflow: no join with ACT_RU_AUTHORIZATION, the check is in the where clause (VariableQueryAuthorizationPatch) -->
                    """),
            new Replacement("check the authorizations with EXISTS", """
                    <bind name="applyAuthorizationCheckForCaseInstances" value="true" />
                    <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
                    <include refid="org.camunda.bpm.engine.impl.persistence.entity.TenantEntity.queryTenantCheck" />
                    """, """
                    <!-- Twinflow: Camunda's authorization join as EXISTS per resource id (VariableQueryAuthorizationPatch);
                         PROC_EXECUTION.ID_ is RES.PROC_INST_ID_ whenever it is not null -->
                    <choose>
                      <when test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null &amp;&amp; !authCheck.revokeAuthorizationCheckEnabled">
                        and (
                          RES.CASE_EXECUTION_ID_ IS NOT NULL
                          OR EXISTS (SELECT 1 FROM ${prefix}ACT_RU_AUTHORIZATION A
                            WHERE <include refid="twinflowAuthorizationConditions" /> AND A.RESOURCE_ID_ = RES.PROC_INST_ID_)
                          OR EXISTS (SELECT 1 FROM ${prefix}ACT_RU_AUTHORIZATION A
                            WHERE <include refid="twinflowAuthorizationConditions" /> AND A.RESOURCE_ID_ = PROCDEF.KEY_)
                          OR EXISTS (SELECT 1 FROM ${prefix}ACT_RU_AUTHORIZATION A
                            WHERE <include refid="twinflowAuthorizationConditions" /> AND A.RESOURCE_ID_ = RES.TASK_ID_)
                          OR EXISTS (SELECT 1 FROM ${prefix}ACT_RU_AUTHORIZATION A
                            WHERE <include refid="twinflowAuthorizationConditions" /> AND A.RESOURCE_ID_ = '*')
                        )
                      </when>
                      <otherwise>
                        <bind name="applyAuthorizationCheckForCaseInstances" value="true" />
                        <include refid="org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck" />
                      </otherwise>
                    </choose>
                    <include refid="org.camunda.bpm.engine.impl.persistence.entity.TenantEntity.queryTenantCheck" />
                    """),
            new Replacement("add the authorization conditions", """
                    <sql id="selectVariableInstanceByQueryCriteriaSql">
                    """, "<!-- Twinflow (VariableQueryAuthorizationPatch) -->\n" + TaskQueryAuthorizationPatch.AUTHORIZATION_CONDITIONS + """

                    <sql id="selectVariableInstanceByQueryCriteriaSql">
                    """)));

    private VariableQueryAuthorizationPatch() {
    }
}
