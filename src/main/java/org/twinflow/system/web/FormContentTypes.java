package org.twinflow.system.web;

import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The portal's forms are sent as forms. A POST to one of its pages with a body of another type (JSON, plain text),
 * which no browser sends from our pages, is refused with 415 before it is bound: bound, it read as a form with every
 * field empty. A POST that names no type at all has only the address's parameters, and is bound as usual.
 */
@Component
class FormContentTypes implements WebMvcConfigurer, HandlerInterceptor {

    static final List<MediaType> FORMS = List.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA);
    private static final String PORTAL = "org.twinflow";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        // the portal's own handlers, asked by a person: not the error page a refused request of any kind is forwarded to
        if (!HttpMethod.POST.matches(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST
                || !(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith(PORTAL)) {
            return true;
        }
        String contentType = request.getContentType();
        if (contentType == null) {
            // no body to read as anything but parameters (the address's own): as Spring's test requests come
            return true;
        }
        try {
            if (FORMS.stream().anyMatch(form -> form.includes(MediaType.parseMediaType(contentType)))) {
                return true;
            }
        } catch (InvalidMediaTypeException malformed) {
            // refused below, as any other body that is not a form
        }
        throw new HttpMediaTypeNotSupportedException(String.valueOf(contentType), FORMS);
    }
}
