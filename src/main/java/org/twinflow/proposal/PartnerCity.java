package org.twinflow.proposal;

/** A partner city of a proposal. Partners need not have a Twinflow account. */
public record PartnerCity(String cityName, String countryCode, PartnerRole role, String contactEmail) {

    public String display(java.util.function.Function<String, String> countryName) {
        return cityName + " (" + countryName.apply(countryCode) + ") – " + role.label();
    }
}
