package org.twinflow.system.engine.schema;

/**
 * The parts of Camunda's schema, each with its own create script, in the order the engine creates them, and the table by
 * which the engine tells whether a part exists ({@code DbSqlSession.is...TablePresent}).
 */
enum EngineComponent {

    ENGINE("engine", "ACT_RU_EXECUTION"),
    HISTORY("history", "ACT_HI_PROCINST"),
    IDENTITY("identity", "ACT_ID_USER"),
    CASE_ENGINE("case.engine", "ACT_RE_CASE_DEF"),
    CASE_HISTORY("case.history", "ACT_HI_CASEINST"),
    DECISION_ENGINE("decision.engine", "ACT_RE_DECISION_DEF"),
    DECISION_HISTORY("decision.history", "ACT_HI_DECINST");

    private final String scriptName;
    private final String markerTable;

    EngineComponent(String scriptName, String markerTable) {
        this.scriptName = scriptName;
        this.markerTable = markerTable;
    }

    /** The create script of this part in {@code folder}, named as in Camunda's jar. */
    String createScript(String folder) {
        return folder + "activiti.mysql.create." + scriptName + ".sql";
    }

    String markerTable() {
        return markerTable;
    }
}
