package org.twinflow.proposal;

/** The form of cooperation a proposal asks for. */
public enum PartnershipType {
    TWINNING("Twinning (sister cities)"),
    DECENTRALISED_COOPERATION("Decentralised cooperation project"),
    PEER_LEARNING("Peer-learning exchange");

    private final String label;

    PartnershipType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
