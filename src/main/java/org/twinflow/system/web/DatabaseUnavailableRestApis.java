package org.twinflow.system.web;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database is lost while Camunda's REST API works on a request: {@code /engine-rest}, and the webapps' own
 * {@code /camunda/api/engine} that Tasklist calls to complete a task. Camunda's exception mappers would answer 500 with
 * the failure's own text ("Cannot submit task form …: An exception occurred in the persistence layer…", "Could not open
 * JDBC Connection for transaction", or the engine's message with the SQL statement), which says neither what happened
 * nor what to do. Here the answer is 503 with Retry-After and {@code {"type": "DatabaseUnavailable", "message": "…try
 * again…"}}, the shape of Camunda's errors, whose message Tasklist shows when a form cannot be submitted. Nothing was
 * stored: the engine's transaction was rolled back.
 * <p>
 * Camunda maps exceptions by type ({@code RestException}, which its task resource wraps around the engine's failure;
 * {@code ProcessEngineException}; anything else), so one mapper of each type stands here at a higher priority than
 * Camunda's and takes only a failure whose cause is a lost or unobtainable connection
 * ({@link DatabaseUnavailableAdvice#causedByLostConnection}); every other failure goes on to Camunda's mapper as before.
 * <p>
 * Registered through Jersey's auto-discovery ({@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}),
 * so in every JAX-RS application of Twinflow: the Spring Boot starter's {@code /engine-rest} and the JAX-RS applications
 * that Camunda's webapp initializer registers under {@code /camunda/api/*}, which no Spring bean can configure. When the
 * database is already gone as a request arrives, the session or the sign-in fails before Camunda is reached:
 * {@link DatabaseUnavailableFilter} gives the same answer then.
 */
public final class DatabaseUnavailableRestApis implements ForcedAutoDiscoverable {

    static final String TYPE = "DatabaseUnavailable";
    static final String MESSAGE = "Twinflow cannot reach its database right now. Nothing was saved; please try again in a minute.";
    /** Ahead of Camunda's mappers, which have the default priority ({@link Priorities#USER}). */
    private static final int AHEAD_OF_CAMUNDA = Priorities.USER - 100;
    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableRestApis.class);

    @Override
    public void configure(FeatureContext context) {
        context.register(RestExceptionMapper.class).register(ProcessEngineExceptionMapper.class).register(AnyExceptionMapper.class);
    }

    /** The body of the answer, as Camunda shapes its errors. */
    static Map<String, String> body() {
        return Map.of("type", TYPE, "message", MESSAGE);
    }

    private static Response answer(Throwable failure) {
        log.warn("REST request answered 503: the database cannot be reached ({}: {})", failure.getClass().getSimpleName(),
                failure.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", DatabaseUnavailableAdvice.RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body()).build();
    }

    /** Takes a failure of type {@code T} only when a lost connection caused it; Camunda's own mapper gets the rest. */
    abstract static class LostConnectionMapper<T extends Throwable> implements ExtendedExceptionMapper<T> {

        @Override
        public boolean isMappable(T failure) {
            return DatabaseUnavailableAdvice.causedByLostConnection(failure);
        }

        @Override
        public Response toResponse(T failure) {
            return answer(failure);
        }
    }

    /** A completion's failure as Camunda's task resource passes it on: wrapped in a RestException (500). */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class RestExceptionMapper extends LostConnectionMapper<RestException> {
    }

    /** The engine's failure as the other resources pass it on. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class ProcessEngineExceptionMapper extends LostConnectionMapper<ProcessEngineException> {
    }

    /** Spring's failures around the engine's transaction: no connection to begin it, or its rollback failed. */
    @Priority(AHEAD_OF_CAMUNDA)
    public static final class AnyExceptionMapper extends LostConnectionMapper<Throwable> {
    }
}
