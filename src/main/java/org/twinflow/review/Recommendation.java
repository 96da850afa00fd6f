package org.twinflow.review;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A reviewer's recommendation, with the values the review form sends. */
public enum Recommendation {
    FUND("fund"),
    FUND_WITH_CHANGES("fund_with_changes"),
    DO_NOT_FUND("do_not_fund");

    static final Set<String> VALUES = Arrays.stream(values()).map(Recommendation::value).collect(Collectors.toSet());

    private final String value;

    Recommendation(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static Recommendation of(String value) {
        return Arrays.stream(values()).filter(r -> r.value.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown recommendation " + value));
    }
}
