package org.twinflow.system.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * How long browsers keep the portal's static files. The stylesheets, the script and the SVG icon are linked
 * with their content's hash in the name ({@code spring.web.resources.chain.strategy.content}, through
 * Thymeleaf's {@code @{...}}), so they may be kept a year (application.yaml): a changed file has a new name.
 * {@code /robots.txt} and {@code /favicon.ico} are asked for by these fixed names, so a new version must
 * reach browsers and crawlers without a new name: they are kept a day. Spring Security leaves all of these
 * alone and marks everything else no-store (SecurityConfig).
 */
@Configuration(proxyBeanMethods = false)
class WebResources implements WebMvcConfigurer {

    static final Duration FIXED_NAME_MAX_AGE = Duration.ofDays(1);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/robots.txt", "/favicon.ico")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(FIXED_NAME_MAX_AGE).cachePublic());
    }
}
