package org.twinflow.proposal;

/** An expected result with the indicator that measures it and its target value. */
public record ExpectedResult(String result, String indicator, String target) {
}
