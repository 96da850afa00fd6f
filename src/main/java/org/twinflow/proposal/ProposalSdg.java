package org.twinflow.proposal;

/** One SDG a proposal contributes to (1–17). */
public record ProposalSdg(int sdg) {
}
