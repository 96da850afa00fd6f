package org.twinflow.call;

/** One thing wrong with a call as the secretariat wrote it: the field it concerns (the draft's component name) and why. */
public record CallProblem(String field, String message) {
}
