-- The reviews' aggregated scores move from the proposal's row to the review stage's own table (issue 10): one row per
-- proposal whose reviews were aggregated, the latest aggregation. Every aggregated proposal's scores are copied (the
-- row's last change stands for when), then the proposal's columns go.
CREATE TABLE score_summary (
    proposal_id          BIGINT        NOT NULL,
    relevance            DECIMAL(4, 2) NOT NULL,
    sdg_contribution     DECIMAL(4, 2) NOT NULL,
    feasibility          DECIMAL(4, 2) NOT NULL,
    partnership_quality  DECIMAL(4, 2) NOT NULL,
    sustainability       DECIMAL(4, 2) NOT NULL,
    overall              DECIMAL(4, 2) NOT NULL,
    spread               DECIMAL(4, 2) NOT NULL,
    aggregated_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_score_summary PRIMARY KEY (proposal_id),
    CONSTRAINT fk_score_summary_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

INSERT INTO score_summary (proposal_id, relevance, sdg_contribution, feasibility, partnership_quality, sustainability, overall, spread,
                           aggregated_at)
SELECT id, score_relevance, score_sdg_contribution, score_feasibility, score_partnership_quality, score_sustainability, score_overall,
       COALESCE(score_spread, 0), updated_at
FROM proposal
WHERE score_overall IS NOT NULL;

ALTER TABLE proposal DROP COLUMN score_relevance;
ALTER TABLE proposal DROP COLUMN score_sdg_contribution;
ALTER TABLE proposal DROP COLUMN score_feasibility;
ALTER TABLE proposal DROP COLUMN score_partnership_quality;
ALTER TABLE proposal DROP COLUMN score_sustainability;
ALTER TABLE proposal DROP COLUMN score_overall;
ALTER TABLE proposal DROP COLUMN score_spread;
