package org.twinflow.process;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * Lists and maps as process variables serialized to JSON, which Tasklist's forms can read.
 */
public final class JsonVariables {

    private JsonVariables() {
    }

    public static ObjectValue json(Object value) {
        return Variables.objectValue(value).serializationDataFormat(SerializationDataFormats.JSON).create();
    }
}
