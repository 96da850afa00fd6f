package org.twinflow.system.completion;

import jakarta.ws.rs.core.Response.Status;

import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * A completion of a task that someone completed first. A {@link RestException} with status 409,
 * because Camunda's REST task resource passes a RestException on with its own status (every other
 * exception of a completion becomes 400 or 500), in {@code /engine-rest} and in the webapps'
 * {@code /camunda/api/engine} alike.
 */
public class TaskAlreadyCompletedException extends RestException {

    TaskAlreadyCompletedException(String message, Exception cause) {
        super(Status.CONFLICT, cause, message);
    }
}
