package org.twinflow.approval;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The committee's decisions, with the values the decision form sends. */
public enum Decision {
    APPROVE("approve"),
    APPROVE_WITH_CONDITIONS("approve_with_conditions"),
    RETURN_FOR_REVISION("return_for_revision"),
    REJECT("reject");

    static final Set<String> VALUES = Arrays.stream(values()).map(Decision::value).collect(Collectors.toSet());

    private final String value;

    Decision(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static Decision of(String value) {
        return Arrays.stream(values()).filter(d -> d.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown decision " + value));
    }
}
