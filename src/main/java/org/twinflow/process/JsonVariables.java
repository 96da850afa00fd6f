package org.twinflow.process;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * Lists and maps as process variables serialized to JSON: Tasklist's forms can read them, and texts
 * in any script survive on MySQL (they are stored as bytes, not in Camunda's 3-byte utf8 columns).
 */
public final class JsonVariables {

    private JsonVariables() {
    }

    public static ObjectValue json(Object value) {
        return Variables.objectValue(value).serializationDataFormat(SerializationDataFormats.JSON).create();
    }
}
