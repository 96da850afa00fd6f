package org.twinflow.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class WholeNumberEditorTest {

    private final WholeNumberEditor editor = new WholeNumberEditor(Integer::valueOf);

    @Test
    void shouldReadDecimalDigitsOfAnyScriptWithGroupSpaces() {
        for (var typed : List.of(List.of("12", 12), List.of(" 1 000 ", 1000), List.of("-7", -7), List.of("+3", 3), List.of("١٢", 12))) {
            editor.setAsText((String) typed.get(0));
            assertThat(editor.getValue()).as("%s", typed.get(0)).isEqualTo(typed.get(1));
        }
        editor.setAsText("  ");
        assertThat(editor.getValue()).isNull();
    }

    @Test
    void shouldRefuseHexadecimalFractionsAndNumbersBeyondTheType() {
        for (String typed : List.of("0x1F", "#10", "1e3", "2.5", "NaN", "2147483648", "1,5")) {
            assertThatIllegalArgumentException().as(typed).isThrownBy(() -> editor.setAsText(typed));
        }
    }
}
