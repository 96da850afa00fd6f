package org.twinflow.funding;

import java.math.BigDecimal;

/** A proposal on its call's reserve list, at its position (1 = first in line), with the committee's feedback. */
public record ReserveEntry(Long proposalId, String reference, String title, String city, BigDecimal requestedAmount, int position,
        String conditions, String feedback) {

    public BigDecimal requested() {
        return requestedAmount == null ? BigDecimal.ZERO : requestedAmount;
    }
}
