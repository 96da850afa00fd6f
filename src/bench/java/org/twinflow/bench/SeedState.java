package org.twinflow.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Where a seeded proposal stands. Two thirds are open (waiting for the secretariat, the reviewers, the committee or,
 * approved, for the city's signed agreement), one third finished with history (found ineligible by the eligibility
 * decision, or rejected by the committee after two reviews). The states repeat in a fixed, interleaved order of
 * thirty, so that each city's twenty proposals are a mix too.
 */
enum SeedState {
    IN_SCREENING(true),
    AWAITING_REVIEWERS(true),
    IN_REVIEW(true),
    IN_DECISION(true),
    AGREEMENT_PENDING(true),
    INELIGIBLE(false),
    REJECTED(false);

    private static final List<SeedState> ORDER = Arrays.stream(
            "S R V S I D S A W R S V I A S D R V S W I A V R I A S I A R".split(" ")).map(SeedState::ofLetter).toList();

    final boolean open;

    SeedState(boolean open) {
        this.open = open;
    }

    /** The state of the {@code n}-th seeded proposal. */
    static SeedState of(long n) {
        return ORDER.get((int) (n % ORDER.size()));
    }

    static int cycle() {
        return ORDER.size();
    }

    /** The status column before the engine's listeners run: what the process will have set when it reaches its wait. */
    String initialStatus() {
        return switch (this) {
            case INELIGIBLE -> "SUBMITTED";
            case REJECTED -> "IN_DECISION";
            case AGREEMENT_PENDING -> "IN_DECISION";
            default -> name();
        };
    }

    boolean reviewed() {
        return this == IN_DECISION || this == REJECTED || this == AGREEMENT_PENDING;
    }

    private static SeedState ofLetter(String letter) {
        return switch (letter) {
            case "S" -> IN_SCREENING;
            case "W" -> AWAITING_REVIEWERS;
            case "V" -> IN_REVIEW;
            case "D" -> IN_DECISION;
            case "A" -> AGREEMENT_PENDING;
            case "I" -> INELIGIBLE;
            case "R" -> REJECTED;
            default -> throw new IllegalArgumentException(letter);
        };
    }
}
