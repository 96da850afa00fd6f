package org.twinflow.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RowIndexesTest {

    @Test
    void shouldFindTheFirstNameWithAnIndexOutsideTheRows() {
        assertThat(RowIndexes.firstOutside(List.of("title", "partners[0].cityName", "sdgs[49]", "_sdgs").iterator(), 50)).isNull();
        for (String outside : List.of("sdgs[50]", "sdgs[-1]", "partners[2147483648].cityName", "partners[].cityName", "sdgs[x]",
                "partners[0].contacts[99].email", "sdgs[٣]")) {
            assertThat(RowIndexes.firstOutside(List.of("title", outside, "sdgs[60]").iterator(), 50)).as(outside).isEqualTo(outside);
        }
    }
}
