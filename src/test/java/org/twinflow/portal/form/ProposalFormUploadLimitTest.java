package org.twinflow.portal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

/**
 * {@link UploadErrorAdvice}: an upload over the container's limit (a 50 MB file) goes back to the
 * page it came from with the bundle's warning. MockMvc cannot trigger Tomcat's limit, so the advice is
 * tested directly with the exception Spring raises.
 */
class ProposalFormUploadLimitTest {

    UploadErrorAdvice advice;
    MockHttpServletRequest request;

    @BeforeEach
    void adviceWithTheRealBundle() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/proposal-form");
        messages.setDefaultEncoding("UTF-8");
        advice = new UploadErrorAdvice(messages, new MockEnvironment().withProperty("spring.servlet.multipart.max-file-size", "10MB"));
        request = new MockHttpServletRequest("POST", "/proposals/TW-2026-0007/edit");
        request.setServerName("twinflow.example");
        request.setServerPort(443);
        request.setScheme("https");
        request.setAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE, new FlashMap());
    }

    @Test
    void shouldSendAFiftyMegabyteUploadBackToItsPageWithAWarning() {
        // given an upload from the edit page, with the CSRF token in the form's URL
        request.addHeader("Referer", "https://twinflow.example/proposals/TW-2026-0007/edit?_csrf=abc");

        // when the container refuses it
        String view = advice.uploadTooLarge(new MaxUploadSizeExceededException(50L * 1024 * 1024), request, Locale.ENGLISH);

        // then the officer is back on the page, without the token in the address, and told why
        assertThat(view).isEqualTo("redirect:/proposals/TW-2026-0007/edit");
        FlashMap flash = (FlashMap) request.getAttribute(DispatcherServlet.OUTPUT_FLASH_MAP_ATTRIBUTE);
        assertThat((String) flash.get("warning")).isEqualTo(
                "The upload was too large: each file may have at most 10 MB. Nothing was saved; please choose a smaller PDF and try again.");
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
