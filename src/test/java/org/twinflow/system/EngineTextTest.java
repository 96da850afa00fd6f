package org.twinflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link EngineText} on a 3-byte utf8 engine schema: what cannot be stored is left out cleanly, the rest kept as typed. */
class EngineTextTest {

    @Test
    void shouldLeaveOutEmojiAndRareCjkWithoutAReplacementMark() {
        assertThat(EngineText.withoutSupplementaryCharacters("Ciudades resilientes 🌊 Semarang–Toyama"))
                .isEqualTo("Ciudades resilientes Semarang–Toyama");
        assertThat(EngineText.withoutSupplementaryCharacters("🏳️‍🌈 Pride city partnership")).isEqualTo("Pride city partnership");
        assertThat(EngineText.withoutSupplementaryCharacters("𠮷野家 exchange")).isEqualTo("野家 exchange");
        assertThat(EngineText.withoutSupplementaryCharacters("Flood❤️warning")).as("a BMP emoji stays").isEqualTo("Flood❤️warning");
    }

    @Test
    void shouldKeepTextWithinTheBasicMultilingualPlaneUnchanged() {
        String text = "เชียงใหม่ – Đà Nẵng – पुणे – مدن مرنة –  two  spaces kept";
        assertThat(EngineText.withoutSupplementaryCharacters(text)).isSameAs(text);
        assertThat(EngineText.withoutSupplementaryCharacters("🌊")).isEmpty();
    }
}
