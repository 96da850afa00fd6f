-- The committee's decision moves from the proposal's row to the approval stage's own table (issue 10): one row per
-- decided proposal, the latest decision (a proposal returned for revision is decided again). Every decided proposal's
-- decision, conditions, feedback, time and revision deadline are copied, then the proposal's columns go.
CREATE TABLE proposal_decision (
    proposal_id      BIGINT       NOT NULL,
    decision         VARCHAR(40)  NOT NULL,
    conditions       TEXT,
    feedback         TEXT,
    decided_at       TIMESTAMP(6) NOT NULL,
    revision_due_at  TIMESTAMP(6),
    CONSTRAINT pk_proposal_decision PRIMARY KEY (proposal_id),
    CONSTRAINT fk_proposal_decision_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

INSERT INTO proposal_decision (proposal_id, decision, conditions, feedback, decided_at, revision_due_at)
SELECT id, decision, decision_conditions, decision_feedback, COALESCE(decided_at, updated_at), revision_due_at
FROM proposal
WHERE decision IS NOT NULL;

ALTER TABLE proposal DROP COLUMN decision;
ALTER TABLE proposal DROP COLUMN decision_conditions;
ALTER TABLE proposal DROP COLUMN decision_feedback;
ALTER TABLE proposal DROP COLUMN decided_at;
ALTER TABLE proposal DROP COLUMN revision_due_at;
