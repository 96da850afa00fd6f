package org.twinflow.proposal;

/** The part a partner city plays next to the lead city. */
public enum PartnerRole {
    CO_LEAD("co-lead"),
    PARTNER("partner"),
    ASSOCIATE("associate");

    private final String label;

    PartnerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
