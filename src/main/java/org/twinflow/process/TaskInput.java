package org.twinflow.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.twinflow.timeline.TimelineActors;

/**
 * Reads what a staff member entered in a Camunda Form, and refuses the completion with a clear
 * message when something required is missing or out of range (Tasklist shows the message and the
 * task stays open). Tasklist sends whole numbers as Integer, decimals as Double and lists as JSON.
 */
public final class TaskInput {

    private TaskInput() {
    }

    /** The option chosen among {@code choices}' values; anything else refuses the completion. */
    public static <E extends Enum<E> & FormChoice> E requiredChoice(VariableScope scope, String name, Class<E> choices) {
        String value = optionalText(scope, name);
        for (E choice : choices.getEnumConstants()) {
            if (choice.value().equals(value)) {
                return choice;
            }
        }
        throw new TaskInputException(name + " must be one of " + Arrays.stream(choices.getEnumConstants()).map(FormChoice::value).toList()
                + ", but was " + value);
    }


    public static String requiredText(VariableScope scope, String name) {
        String value = optionalText(scope, name);
        if (value == null) {
            throw new TaskInputException(name + " is required");
        }
        return value;
    }

    /** The trimmed text, or null when the field was left empty. */
    public static String optionalText(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public static int requiredWholeNumber(VariableScope scope, String name, int min, int max) {
        Object value = scope.getVariable(name);
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new TaskInputException(name + " must be a whole number from " + min + " to " + max + ", but was " + value);
        }
        int whole = number.intValue();
        if (whole < min || whole > max) {
            throw new TaskInputException(name + " must be from " + min + " to " + max + ", but was " + whole);
        }
        return whole;
    }

    /** A list of strings, whether Tasklist stored it as JSON, a Java list or a JSON text. */
    public static List<String> stringList(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof SpinJsonNode json) {
            json.elements().forEach(e -> result.add(e.stringValue()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(e -> result.add(String.valueOf(e)));
        } else if (value instanceof String text && text.strip().startsWith("[")) {
            org.camunda.spin.Spin.JSON(text).elements().forEach(e -> result.add(e.stringValue()));
        } else {
            throw new TaskInputException(name + " must be a list, but was " + value);
        }
        return result;
    }

    /**
     * The signed-in user completing the task, else its assignee, else Twinflow itself: a task completed
     * through the engine with nobody signed in (tests; the demo data claims its tasks first).
     */
    public static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : TimelineActors.SYSTEM;
    }

    /**
     * Refuses a task completion; the message is shown to the staff member in Tasklist. A form validation
     * failure, because that is what Camunda's REST API answers with 400 instead of 500 (the engine wraps
     * it on the way out of a listener; {@code system.completion.RefusedInputInterceptor} unwraps it).
     */
    public static class TaskInputException extends FormFieldValidationException {
        public TaskInputException(String message) {
            super(null, message);
        }
    }
}
