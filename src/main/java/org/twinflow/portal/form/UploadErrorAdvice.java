package org.twinflow.portal.form;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A multipart request the servlet container refused never reaches a controller: the request goes back
 * to the page it came from, with a warning that names the limit reached, and nothing is stored. The
 * limits are set so that no form of the portal reaches them however fully it is filled
 * (docs/decisions.md, "Upload limits"); the browser checks file sizes before sending
 * (static/js/twinflow.js), so a person with JavaScript never loses what was typed. Only a Referer within
 * this application is followed; anything else goes to "My proposals".
 */
@ControllerAdvice
class UploadErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(UploadErrorAdvice.class);
    static final String FALLBACK = "/proposals";

    private final MessageSource messages;
    private final Environment environment;

    /** Reads the limits from the environment rather than Boot's properties beans, which MVC slice tests do not have. */
    UploadErrorAdvice(MessageSource messages, Environment environment) {
        this.messages = messages;
        this.environment = environment;
    }

    @ExceptionHandler(MultipartException.class)
    String uploadRefused(MultipartException refused, HttpServletRequest request, Locale locale) {
        UploadLimit limit = UploadLimit.reachedBy(refused);
        log.info("Upload to {} refused ({}): {}", request.getRequestURI(), limit, rootMessage(refused));
        RequestContextUtils.getOutputFlashMap(request).put("warning",
                messages.getMessage(limit.messageKey(), limit.arguments(environment), locale));
        return "redirect:" + backTo(request);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** The application-relative path of the Referer, without a CSRF token in its query; else the fallback. */
    static String backTo(HttpServletRequest request) {
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null || referer.isBlank()) {
            return FALLBACK;
        }
        try {
            URI uri = new URI(referer);
            if (uri.isAbsolute() && !(("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && request.getServerName().equalsIgnoreCase(uri.getHost()) && port(uri) == request.getServerPort())) {
                return FALLBACK;
            }
            if (!uri.isAbsolute() && (uri.getRawAuthority() != null || uri.getRawPath() == null || !uri.getRawPath().startsWith("/"))) {
                return FALLBACK;
            }
            String path = uri.getRawPath();
            String context = request.getContextPath();
            if (path == null || !path.startsWith(context + "/") || path.contains("/../") || path.startsWith(context + "//")) {
                return FALLBACK;
            }
            String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(part -> !part.startsWith("_csrf=")).collect(Collectors.joining("&"));
            return path.substring(context.length()) + (query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException malformed) {
            return FALLBACK;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
