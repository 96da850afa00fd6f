package org.twinflow.review;

/** One reviewer's scores, 1 (very weak) to 5 (excellent), per criterion. */
public record Scores(int relevance, int sdgContribution, int feasibility, int partnershipQuality, int sustainability) {

    public Scores {
        for (int score : new int[] {relevance, sdgContribution, feasibility, partnershipQuality, sustainability}) {
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("Scores are from 1 to 5, but one was " + score);
            }
        }
    }

    double mean() {
        return (relevance + sdgContribution + feasibility + partnershipQuality + sustainability) / 5.0;
    }
}
