package org.twinflow.proposal;

/** A city may draft proposals at once, but submit only after the secretariat has verified its account. */
public class CityNotVerifiedException extends RuntimeException {

    public CityNotVerifiedException(String reference) {
        super("Proposal " + reference + " cannot be submitted before the secretariat has verified the city's account");
    }
}
