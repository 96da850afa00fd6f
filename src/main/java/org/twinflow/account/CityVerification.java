package org.twinflow.account;

import org.twinflow.process.FormChoice;

/** The secretariat's answer to a city's registration (form verify-city). */
public enum CityVerification implements FormChoice {
    APPROVE("approve"),
    REJECT("reject");

    private final String value;

    CityVerification(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
