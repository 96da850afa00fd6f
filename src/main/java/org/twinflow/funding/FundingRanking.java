package org.twinflow.funding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order in which the committee of a competitive call sees its reviewed proposals:
 * <ol>
 * <li>the higher overall review score first;</li>
 * <li>on equal scores, the smaller spread between the reviewers first (they agreed more);</li>
 * <li>then the earlier submission first;</li>
 * <li>then the reference, so that the order never depends on the database.</li>
 * </ol>
 * A proposal without aggregated scores comes after every scored one. Each row carries the running total of the
 * requested amounts down to it, against the call's budget. The ranking is advice: the committee decides.
 */
public final class FundingRanking {

    static final Comparator<FundingCandidate> ORDER = Comparator
            .comparing(FundingCandidate::score, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
            .thenComparing(FundingCandidate::spread, Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder()))
            .thenComparing(FundingCandidate::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FundingCandidate::reference);

    private FundingRanking() {
    }

    public static List<RankedProposal> rank(List<FundingCandidate> candidates, BigDecimal budget) {
        List<FundingCandidate> ordered = new ArrayList<>(candidates);
        ordered.sort(ORDER);
        List<RankedProposal> ranking = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (FundingCandidate candidate : ordered) {
            total = total.add(candidate.requested());
            ranking.add(new RankedProposal(ranking.size() + 1, candidate, total, total.compareTo(budget) <= 0));
        }
        return ranking;
    }
}
