-- Why a proposal was found ineligible moves from the proposal's row to the screening stage's own table (issue 10):
-- one row per ineligible proposal with the reason codes (the eligibility decision's, or SCREENED_INELIGIBLE), copied
-- with the row's last change as the time, then the proposal's column goes.
CREATE TABLE eligibility_outcome (
    proposal_id  BIGINT         NOT NULL,
    reasons      VARCHAR(1000)  NOT NULL,
    decided_at   TIMESTAMP(6)   NOT NULL,
    CONSTRAINT pk_eligibility_outcome PRIMARY KEY (proposal_id),
    CONSTRAINT fk_eligibility_outcome_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

INSERT INTO eligibility_outcome (proposal_id, reasons, decided_at)
SELECT id, eligibility_reasons, updated_at FROM proposal WHERE eligibility_reasons IS NOT NULL AND eligibility_reasons <> '';

ALTER TABLE proposal DROP COLUMN eligibility_reasons;
