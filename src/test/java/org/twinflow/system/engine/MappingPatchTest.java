package org.twinflow.system.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/** The start-up patch of the engine's mappings: applied exactly, or the engine does not start. */
class MappingPatchTest {

    private static final ClassLoader ENGINE = ProcessEngineConfigurationImpl.class.getClassLoader();

    @Test
    void shouldPatchCamundasVariableMappingAsShipped() {
        // when the patch is applied to the VariableInstance.xml in the engine jar
        String patched = VariableQueryAuthorizationPatch.PATCH.apply(ENGINE);

        // then the join is gone and the check is one EXISTS per resource id, Camunda's own check kept for REVOKE
        assertThat(patched).doesNotContain("AUTH ON (AUTH.RESOURCE_ID_")
                .contains("<sql id=\"twinflowAuthorizationConditions\">")
                .containsOnlyOnce("AND A.RESOURCE_ID_ = RES.PROC_INST_ID_)").containsOnlyOnce("AND A.RESOURCE_ID_ = PROCDEF.KEY_)")
                .containsOnlyOnce("AND A.RESOURCE_ID_ = RES.TASK_ID_)").containsOnlyOnce("AND A.RESOURCE_ID_ = '*')")
                .containsOnlyOnce("AuthorizationEntity.contextualAuthorizationCheck");
        // and everything else of Camunda's mapping is untouched
        assertThat(patched).contains("<select id=\"selectVariableInstanceByQueryCriteria\"", "<insert id=\"insertByteArray\"");
    }

    @Test
    void shouldPatchCamundasTaskMappingAsShipped() {
        // when the patch is applied to the Task.xml in the engine jar
        String patched = TaskQueryAuthorizationPatch.PATCH.apply(ENGINE);

        // then the join is gone and the EXISTS check is there, once
        assertThat(patched).doesNotContain("AUTH ON (AUTH.RESOURCE_ID_")
                .contains("<sql id=\"twinflowAuthorizationConditions\">")
                .containsOnlyOnce("EXISTS (SELECT 1 FROM ${prefix}ACT_RE_PROCDEF PD")
                .contains("authCheck.authUserId != null &amp;&amp; authCheck.revokeAuthorizationCheckEnabled\">");
        // and everything else of Camunda's mapping is untouched
        assertThat(patched).contains("<select id=\"selectTaskByQueryCriteria\"", "<select id=\"selectTasksByParentTaskId\"");
    }

    @Test
    void shouldRefuseToStartWhenAnUpgradedEngineNoLongerHasTheFragment() {
        ClassLoader upgraded = withResource(TaskQueryAuthorizationPatch.TASK_MAPPING, "<mapper>an engine whose Task.xml changed</mapper>");

        assertThatThrownBy(() -> TaskQueryAuthorizationPatch.PATCH.apply(upgraded)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Cannot patch the engine's " + TaskQueryAuthorizationPatch.TASK_MAPPING)
                .hasMessageContaining("no longer there, the engine was probably upgraded");
    }

    @Test
    void shouldRefuseAFragmentThatOccursTwice() {
        MappingPatch twice = new MappingPatch("twice.xml", List.of(new MappingPatch.Replacement("test", "<a/>", "<b/>")));

        assertThatThrownBy(() -> twice.apply(withResource("twice.xml", "<x><a/>\n  <a/></x>"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("occurs more than once");
    }

    @Test
    void shouldMatchTheFragmentWhateverItsIndentation() {
        MappingPatch patch = new MappingPatch("indented.xml", List.of(new MappingPatch.Replacement("test", "<a>\n  <b/>\n</a>", "<c/>")));

        assertThat(patch.apply(withResource("indented.xml", "<x>\t<a>   <b/>\r\n\t\t</a></x>"))).isEqualTo("<x>\t<c/></x>");
    }

    private static ClassLoader withResource(String name, String text) {
        return new URLClassLoader(new URL[0], null) {
            @Override
            public InputStream getResourceAsStream(String resource) {
                return resource.equals(name) ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) : null;
            }
        };
    }
}
