-- The follow-up's facts move from the proposal's row to the follow-up stage's own table (issue 10): the signed
-- agreement's deadline, file, upload and verification, and the final evaluation; one row per partnership in follow-up.
-- Every proposal with any of them is copied, then the proposal's columns go. After this the proposal's row holds the
-- application as submitted, its status and references only.
CREATE TABLE partnership_follow_up (
    proposal_id            BIGINT        NOT NULL,
    agreement_due_at       TIMESTAMP(6),
    agreement_file_name    VARCHAR(255),
    agreement_uploaded_at  TIMESTAMP(6),
    agreement_verified_at  TIMESTAMP(6),
    evaluation_rating      INT,
    evaluation_summary     TEXT,
    CONSTRAINT pk_partnership_follow_up PRIMARY KEY (proposal_id),
    CONSTRAINT fk_partnership_follow_up_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

INSERT INTO partnership_follow_up (proposal_id, agreement_due_at, agreement_file_name, agreement_uploaded_at, agreement_verified_at,
                                   evaluation_rating, evaluation_summary)
SELECT id, agreement_due_at, agreement_file_name, agreement_uploaded_at, agreement_verified_at, evaluation_rating, evaluation_summary
FROM proposal
WHERE agreement_due_at IS NOT NULL OR agreement_file_name IS NOT NULL OR agreement_uploaded_at IS NOT NULL
   OR agreement_verified_at IS NOT NULL OR evaluation_rating IS NOT NULL OR evaluation_summary IS NOT NULL;

ALTER TABLE proposal DROP COLUMN agreement_due_at;
ALTER TABLE proposal DROP COLUMN agreement_file_name;
ALTER TABLE proposal DROP COLUMN agreement_uploaded_at;
ALTER TABLE proposal DROP COLUMN agreement_verified_at;
ALTER TABLE proposal DROP COLUMN evaluation_rating;
ALTER TABLE proposal DROP COLUMN evaluation_summary;
