package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

/**
 * {@link UploadErrorAdvice}: a request the container refused goes back to the page it came from with a
 * warning that names the limit reached. MockMvc cannot trigger Tomcat's limits, so the advice is tested
 * with the exceptions Tomcat's parser throws, wrapped as Spring wraps them (ProposalFormUploadLimitIT
 * shows the real container).
 */
class ProposalFormUploadLimitTest {

    UploadErrorAdvice advice;
    MockHttpServletRequest request;

    @BeforeEach
    void adviceWithTheRealBundleAndLimits() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/messages");
        messages.setDefaultEncoding("UTF-8");
        advice = new UploadErrorAdvice(messages, new MockEnvironment()
                .withProperty("server.tomcat.max-part-count", "300")
                .withProperty("server.tomcat.max-part-header-size", "4KB")
                .withProperty("spring.servlet.multipart.max-file-size", "100MB")
                .withProperty("spring.servlet.multipart.max-request-size", "100MB")
                .withProperty("twinflow.documents.max-file-size", "10MB")
                .withProperty("twinflow.documents.max-total-size", "40MB"));
        request = new MockHttpServletRequest("POST", "/proposals/TW-2026-0007/edit");
        request.setServerName("twinflow.example");
        request.setServerPort(443);
        request.setScheme("https");
        request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
        // an upload from the edit page, with the CSRF token in the form's URL
        request.addHeader("Referer", "https://twinflow.example/proposals/TW-2026-0007/edit?_csrf=abc");
    }

    @Test
    void shouldSendARequestOverTheSizeLimitBackToItsPageNamingThatLimit() {
        // when the container refuses the whole request as too large
        String view = advice.uploadRefused(refusedBy(new SizeLimitExceededException("the request was rejected", 120L << 20, 100L << 20)),
                request, Locale.ENGLISH);

        // then the officer is back on the page, without the token in the address, and told which limit
        assertThat(view).isEqualTo("redirect:/proposals/TW-2026-0007/edit");
        assertThat(warning()).isEqualTo("The files together were larger than the server accepts in one go (100 MB). Nothing was saved; "
                + "the documents of a proposal may have at most 40 MB together.");
    }

    @Test
    void shouldNameEachLimitOfTheContainer() {
        advice.uploadRefused(refusedBy(new FileSizeLimitExceededException("too big", 101L << 20, 100L << 20)), request, Locale.ENGLISH);
        assertThat(warning()).isEqualTo("A file was larger than the server accepts (100 MB). Nothing was saved; each PDF may have at most 10 MB.");

        advice.uploadRefused(new MultipartException("Failed to parse multipart servlet request",
                new IllegalStateException(new FileCountLimitExceededException("attachment", 300))), request, Locale.ENGLISH);
        assertThat(warning()).isEqualTo("The form sent more fields than the server accepts in one go (at most 300). Nothing was saved; "
                + "please reload the form and try again.");

        advice.uploadRefused(refusedBy(new SizeLimitExceededException(
                "Header section has more than 4096 bytes (maybe it is not properly terminated)", 4097, 4096)), request, Locale.ENGLISH);
        assertThat(warning()).isEqualTo("A file name was too long for the server (at most 4 KB with its details). Nothing was saved; "
                + "rename the file and choose it again.");

        advice.uploadRefused(new MultipartException("Failed to parse multipart servlet request",
                new java.io.IOException("Stream ended unexpectedly")), request, Locale.ENGLISH);
        assertThat(warning()).isEqualTo("The form arrived incomplete or damaged and could not be read. Nothing was saved; please try again.");
    }

    @Test
    void shouldFollowOnlyARefererWithinTheApplication() {
        // given Referers from elsewhere, or none, then the officer lands in "My proposals"
        assertThat(backTo(null)).isEqualTo("/proposals");
        assertThat(backTo("https://evil.example/proposals/new")).isEqualTo("/proposals");
        assertThat(backTo("//evil.example/proposals/new")).isEqualTo("/proposals");
        assertThat(backTo("javascript:alert(1)")).isEqualTo("/proposals");
        assertThat(backTo("https://twinflow.example:8443/proposals/new")).isEqualTo("/proposals");
        assertThat(backTo("not a uri")).isEqualTo("/proposals");
        // and from within, back where it was
        assertThat(backTo("https://twinflow.example/proposals/new")).isEqualTo("/proposals/new");
        assertThat(backTo("/proposals/new?step=2&_csrf=x")).isEqualTo("/proposals/new?step=2");
    }

    /** As Spring's StandardMultipartHttpServletRequest wraps what Tomcat's Request.parseParts stored. */
    private static MaxUploadSizeExceededException refusedBy(Exception tomcat) {
        return new MaxUploadSizeExceededException(-1, new IllegalStateException(tomcat));
    }

    private String warning() {
        FlashMap flash = (FlashMap) request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE);
        return (String) flash.get("warning");
    }

    private String backTo(String referer) {
        var fresh = new MockHttpServletRequest("POST", "/proposals/new");
        fresh.setServerName("twinflow.example");
        fresh.setServerPort(443);
        if (referer != null) {
            fresh.addHeader("Referer", referer);
        }
        return UploadErrorAdvice.backTo(fresh);
    }
}
