package org.twinflow.review;

import java.math.BigDecimal;

/** Mean review score per criterion (1–5), the overall mean and the spread between reviewers. */
public record ScoreSummary(BigDecimal relevance, BigDecimal sdgContribution, BigDecimal feasibility,
        BigDecimal partnershipQuality, BigDecimal sustainability, BigDecimal overall, BigDecimal spread) {
}
