package org.twinflow.system.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;

/**
 * A form refused before any page of ours saw it, for want of its CSRF token, gets a page that says why: the body was
 * larger than the server reads (413), it could not be read at all, cut short or broken (400), or it was read and the
 * token was missing or stale, as when a page stayed open across a sign-out or the form came from elsewhere (403).
 * Nothing was saved in any case. Other refusals keep Spring's page ("Not for this account").
 */
public final class FormRefusalHandler implements AccessDeniedHandler {

    /** How Tomcat tells that it could not read a request's parameters, and why (a {@code FailReason}). */
    static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";

    private static final Logger log = LoggerFactory.getLogger(FormRefusalHandler.class);

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(denied instanceof CsrfException)) {
            otherwise.handle(request, response, denied);
            return;
        }
        Object unreadable = request.getAttribute(PARSE_FAILED_REASON);
        HttpStatus status = unreadable == null ? HttpStatus.FORBIDDEN
                : "POST_TOO_LARGE".equals(unreadable.toString()) ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        String problem = switch (status) {
            case PAYLOAD_TOO_LARGE -> "error.tooLarge";
            case BAD_REQUEST -> "error.badRequest.unreadable";
            default -> "error.forbidden.formExpired";
        };
        log.info("Form sent to {} refused ({}): {}", request.getRequestURI(), unreadable == null ? "no valid CSRF token" : unreadable,
                status.value());
        // the error page reads request attributes as its variables
        request.setAttribute("problem", problem);
        response.sendError(status.value());
    }
}
