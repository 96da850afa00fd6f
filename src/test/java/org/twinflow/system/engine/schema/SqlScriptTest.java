package org.twinflow.system.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The adapted create scripts read as Camunda's runner reads them: comments left out, one statement per closing ';'. */
class SqlScriptTest {

    @Test
    void shouldReadTheEngineScriptIntoItsStatementsWithoutTheComments() {
        SqlScript engine = SqlScript.load(EngineComponent.ENGINE.createScript(Utf8mb4EngineSchemaMigration.SCRIPTS));

        assertThat(engine.statements()).first().asString().startsWith("create table ACT_GE_PROPERTY (").endsWith("COLLATE utf8mb4_bin");
        assertThat(engine.statements()).noneMatch(statement -> statement.contains("--") || statement.contains("Apache") || statement.endsWith(";"));
        assertThat(engine.statements()).filteredOn(statement -> statement.startsWith("create table")).hasSize(20);
        assertThat(engine.statements()).filteredOn(statement -> statement.contains("utf8"))
                .allMatch(statement -> statement.endsWith("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE utf8mb4_bin"));
    }

    @Test
    void shouldFindEveryForeignKeyOfTheScriptsWithItsTable() {
        List<SqlScript.ForeignKey> keys = java.util.Arrays.stream(EngineComponent.values())
                .map(component -> SqlScript.load(component.createScript(Utf8mb4EngineSchemaMigration.SCRIPTS)))
                .flatMap(script -> script.foreignKeys().values().stream()).toList();

        // 27 of the engine, 5 of identity, 9 of CMMN, 1 of DMN; the history parts have none
        assertThat(keys).hasSize(42);
        assertThat(keys).filteredOn(key -> key.name().equals("ACT_FK_TSKASS_TASK")).singleElement()
                .satisfies(key -> assertThat(key.table()).isEqualTo("ACT_RU_IDENTITYLINK"))
                .satisfies(key -> assertThat(key.statement()).isEqualTo(
                        "alter table ACT_RU_IDENTITYLINK\nadd constraint ACT_FK_TSKASS_TASK\nforeign key (TASK_ID_)\nreferences ACT_RU_TASK (ID_)"));
    }
}
