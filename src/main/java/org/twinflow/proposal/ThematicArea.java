package org.twinflow.proposal;

/** The network's capacity-building areas (DESIGN.md); the codes are used by the eligibility decision. */
public enum ThematicArea {
    MOBILITY("Sustainable Mobility"),
    SDG_LOCALISATION("SDGs Localisation"),
    CLIMATE_DRR("Climate Change Adaptation and Disaster Risk Reduction"),
    TOURISM_CULTURE("Tourism and Culture"),
    LOCAL_ECONOMY("Local Economic Development");

    private final String label;

    ThematicArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
