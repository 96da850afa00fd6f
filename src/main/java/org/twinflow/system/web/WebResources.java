package org.twinflow.system.web;

import java.time.Duration;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The portal's static files and how long browsers keep them.
 *
 * <p>The stylesheets, the script and the icons are linked with their content's hash in the name (Thymeleaf's
 * {@code @{/css/twinflow.css}} becomes {@code /css/twinflow-3f2a….css}), so they may be kept a year: a changed
 * file has a new name. {@code /robots.txt} and {@code /favicon.ico} are asked for by these fixed names, so a new
 * version must reach browsers and crawlers without a new name: they are kept a day. Spring Security leaves all
 * of these alone and marks everything else no-store (SecurityConfig).
 *
 * <p>They are served from these paths only ({@code spring.web.resources.add-mappings: false}), not from Spring
 * Boot's catch-all {@code /**}: every link a page writes goes through the resource chain to be named with its
 * hash, and under {@code /**} a link to a page ({@code /proposals/new}) was looked up in the jar on every render,
 * as a miss is not cached (a twentieth of a submission's CPU, docs/performance.md). Cache lifetime and hashing
 * are still configured in application.yaml ({@code spring.web.resources.cache}, {@code .chain}).
 */
@Configuration(proxyBeanMethods = false)
class WebResources implements WebMvcConfigurer {

    static final Duration FIXED_NAME_MAX_AGE = Duration.ofDays(1);
    private static final String STATIC = "classpath:/static/";

    private final WebProperties.Resources resources;

    WebResources(WebProperties web) {
        this.resources = web.getResources();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/robots.txt", "/favicon.ico")
                .addResourceLocations(STATIC)
                .setCacheControl(CacheControl.maxAge(FIXED_NAME_MAX_AGE).cachePublic());
        namedByContent(registry, "/css/**", STATIC + "css/");
        namedByContent(registry, "/js/**", STATIC + "js/");
        namedByContent(registry, "/favicon*", STATIC);
    }

    private void namedByContent(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern)
                .addResourceLocations(location)
                .setCacheControl(resources.getCache().getCachecontrol().toHttpCacheControl())
                .resourceChain(resources.getChain().isCache())
                .addResolver(new VersionResourceResolver()
                        .addContentVersionStrategy(resources.getChain().getStrategy().getContent().getPaths()));
    }
}
