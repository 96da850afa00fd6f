package org.twinflow.funding;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.spin.json.SpinJsonNode;
import org.twinflow.process.TaskInput.TaskInputException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A list of rows from a form's dynamic list, whether Tasklist stored it as a Java list, Spin JSON or JSON text. */
final class FundingRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    private FundingRows() {
    }

    static List<Map<String, Object>> read(Object value) {
        try {
            if (value == null) {
                return List.of();
            }
            if (value instanceof Collection<?> collection) {
                return JSON.convertValue(collection, ROWS);
            }
            if (value instanceof SpinJsonNode node) {
                return JSON.readValue(node.toString(), ROWS);
            }
            return JSON.readValue(value.toString(), ROWS);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TaskInputException("The proposals' rows could not be read: " + e.getMessage());
        }
    }
}
