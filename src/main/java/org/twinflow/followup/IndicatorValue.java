package org.twinflow.followup;

/** The value an indicator reached in a reporting period, against its target. */
public record IndicatorValue(String indicator, String target, String achieved) {
}
