-- City accounts (issue 3): a city is verified by the secretariat before it may submit; officers sign
-- in with Camunda users linked to their city. Documents (PDF attachments) are stored with the proposal.

ALTER TABLE city ADD COLUMN verification_status VARCHAR(20) DEFAULT 'VERIFIED' NOT NULL;
ALTER TABLE city ADD COLUMN verification_note TEXT;
ALTER TABLE city ADD COLUMN verified_at TIMESTAMP(6);
ALTER TABLE city ADD COLUMN legal_representative VARCHAR(200);

-- email is the officer's sign-in name: unique, lower case (Camunda's user table has no unique e-mail).
CREATE TABLE city_account (
    user_id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    city_id           BIGINT        NOT NULL,
    email             VARCHAR(254)  NOT NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uq_city_account_email UNIQUE (email),
    CONSTRAINT fk_city_account_city FOREIGN KEY (city_id) REFERENCES city (id)
);
CREATE INDEX ix_city_account_city ON city_account (city_id);

CREATE TABLE document (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    proposal_id       BIGINT        NOT NULL,
    kind              VARCHAR(40)   NOT NULL,
    file_name         VARCHAR(255)  NOT NULL,
    content_type      VARCHAR(100)  NOT NULL,
    size_bytes        BIGINT        NOT NULL,
    sha256            CHAR(64)      NOT NULL,
    content           LONGBLOB      NOT NULL,
    uploaded_by       VARCHAR(64)   NOT NULL,
    uploaded_at       TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_document_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_document_proposal ON document (proposal_id);
