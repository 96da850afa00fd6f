package org.twinflow.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database is gone before a request reaches a controller, or after it has answered: the session, kept in the
 * database, cannot be read at the request's start or written at its end, or a REST client's sign-in cannot be checked.
 * {@link DatabaseUnavailableAdvice} never sees that, so this filter, outside the session's, gives the same "try again"
 * answer (503, Retry-After): a page through the error page, which needs no session; for Camunda's REST APIs
 * ({@code /engine-rest}, and {@code /camunda/api} that Tasklist calls) the JSON of {@link DatabaseUnavailableRestApis},
 * whose message Tasklist shows. Nothing was stored: the request's work never began, or its answer was not yet sent.
 */
@Component
class DatabaseUnavailableFilter extends OncePerRequestFilter implements Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
    static final String PROBLEM_ATTRIBUTE = "problem";

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public int getOrder() {
        return SessionRepositoryFilter.DEFAULT_ORDER - 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException failed) {
            if (response.isCommitted() || !DatabaseUnavailableAdvice.causedByLostConnection(failed)) {
                throw failed;
            }
            log.warn("Request to {} answered 503: the database cannot be reached for the session ({})", request.getRequestURI(),
                    failed.getMessage());
            response.reset();
            response.setHeader("Retry-After", DatabaseUnavailableAdvice.RETRY_AFTER_SECONDS);
            if (restApi(request)) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(response.getWriter(), DatabaseUnavailableRestApis.body());
                return;
            }
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.SERVICE_UNAVAILABLE.value());
            request.setAttribute(PROBLEM_ATTRIBUTE, "error.unavailable.database");
            // shown as a GET, as an error page is: the form's CSRF token lives in the session that could not be read
            request.getRequestDispatcher("/error").forward(new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return "GET";
                }
            }, response);
        }
    }

    /** Camunda's REST APIs, whose clients read a JSON error's message: Tasklist, Cockpit, Admin, REST clients. */
    private static boolean restApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
    }
}
