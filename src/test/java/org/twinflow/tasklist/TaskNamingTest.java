package org.twinflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Task names keep every character they are given and are cut only at the task name columns' size. */
class TaskNamingTest {

    @Test
    void shouldKeepEmojiRareCjkCombiningMarksAndRightToLeftTextUnchanged() {
        String name = "Screen proposal TW-2026-0007 · 𠀀 Ciudades 🌊 resilientes 👩‍👩‍👧 Đà Nẵng – مدن مرنة";
        assertThat(TaskNaming.shortened(name, TaskNaming.NAME_MAX)).isSameAs(name);
    }

    @Test
    void shouldCutALongNameToTheColumnSizeWithAnEllipsis() {
        String name = "Screen proposal TW-2026-0007 · " + "Kemitraan mobilitas ".repeat(20);

        String shortened = TaskNaming.shortened(name, TaskNaming.NAME_MAX);

        assertThat(shortened).hasSize(TaskNaming.NAME_MAX).endsWith("…").startsWith(name.substring(0, TaskNaming.NAME_MAX - 1));
    }

    @Test
    void shouldNeverCutACharacterBeyondTheBmpInHalf() {
        // the 9th and 10th UTF-16 units are the two halves of 😀
        String name = "Proposal😀 exchange";

        String shortened = TaskNaming.shortened(name, 10);

        assertThat(shortened).isEqualTo("Proposal…");
        assertThat(TaskNaming.shortened("Proposal 😀 exchange", 12)).as("one that fits stays whole").isEqualTo("Proposal 😀…");
    }
}
