package org.twinflow.screening;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The secretariat's screening outcomes, with the values the screening form sends. */
public enum ScreeningOutcome {
    COMPLETE("complete"),
    NEEDS_CLARIFICATION("needs_clarification"),
    INELIGIBLE("ineligible");

    static final Set<String> VALUES = Arrays.stream(values()).map(ScreeningOutcome::value).collect(Collectors.toSet());

    private final String value;

    ScreeningOutcome(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static ScreeningOutcome of(String value) {
        return Arrays.stream(values()).filter(o -> o.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown screening outcome " + value));
    }
}
