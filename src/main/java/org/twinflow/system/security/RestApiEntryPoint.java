package org.twinflow.system.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.twinflow.system.security.signin.SignInThrottledException;

/**
 * How {@code /engine-rest} answers a request it cannot authenticate: a throttled sign-in gets
 * 429 Too Many Requests with Retry-After, so that a client backs off instead of asking for other
 * credentials; anything else 401 with the Basic challenge. The body is shaped like Camunda's REST errors.
 */
final class RestApiEntryPoint implements AuthenticationEntryPoint {

    static final String REALM = "Twinflow";
    static final String THROTTLED_TYPE = "SignInThrottled";

    private final BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();

    RestApiEntryPoint(MessageSource messages) {
        this.messages = messages;
        basic.setRealmName(REALM);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (!(failure instanceof SignInThrottledException throttled)) {
            basic.commence(request, response, failure);
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String message = messages.getMessage("signIn.throttled.rest", new Object[] {throttled.retryAfterSeconds()}, request.getLocale());
        json.writeValue(response.getWriter(), Map.of("type", THROTTLED_TYPE, "message", message));
    }
}
