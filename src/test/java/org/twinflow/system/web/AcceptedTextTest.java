package org.twinflow.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AcceptedText}: what text Twinflow stores, and what it refuses. */
class AcceptedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Semarang–Toyama", "Ciudades 🌊", "مدن مرنة", "D\u0301a\u0300", "𠮷野家", "เชียงใหม่", "पुणे",
            "line one\r\nline two\tcolumn", "\u200Bzero width space", "\u202Eright-to-left override"})
    void shouldAcceptTextInAnyScriptWithLineBreaksAndTabs(String text) {
        assertThat(AcceptedText.isAccepted(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "bell\u0007", "esc\u001B", "del\u007F", "c1\u0085", "c1\u009F", "damaged\uFFFD", "\uFFFE",
            "\uFFFF", "\uFDD0", "lone high \uD800", "lone low \uDC00 surrogate", "plane one nonchar \uD83F\uDFFF"})
    void shouldRefuseControlCharactersNoncharactersAndDamagedText(String text) {
        assertThat(AcceptedText.isAccepted(text)).isFalse();
    }
}
