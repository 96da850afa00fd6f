-- Forms sent once (org.twinflow.system.web.SubmitOnce): every form of the portal that changes something
-- carries a random submission id. The first request with that id inserts this row in the transaction
-- that does the work; a repeat (a double click, a retry after a slow answer, the back button) collides
-- with the primary key, waits for the first to commit or roll back, and is answered with its result.
CREATE TABLE form_submission (
    submission_id     CHAR(36)      NOT NULL PRIMARY KEY,
    user_id           VARCHAR(64)   NOT NULL,
    result_path       VARCHAR(300)  NOT NULL,
    submitted_at      TIMESTAMP(6)  NOT NULL
);

CREATE INDEX form_submission_submitted_at ON form_submission (submitted_at);
