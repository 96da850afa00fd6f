-- Twinflow domain tables. Portable between H2 and MySQL 8 / MariaDB 10.11.
-- On MySQL the database must be created with CHARACTER SET utf8mb4 (docker-compose.yml and
-- the MySQL tests do), so that city names and texts in any script round-trip.

CREATE TABLE city (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(200)  NOT NULL,
    country_code      CHAR(2)       NOT NULL,
    region            VARCHAR(200),
    government_type   VARCHAR(40)   NOT NULL,
    population        BIGINT,
    contact_name      VARCHAR(200)  NOT NULL,
    contact_email     VARCHAR(254)  NOT NULL,
    contact_phone     VARCHAR(50),
    website           VARCHAR(500),
    created_at        TIMESTAMP(6)  NOT NULL,
    version           INT           NOT NULL
);

CREATE TABLE reference_counter (
    counter_year      INT           NOT NULL PRIMARY KEY,
    last_value        INT           NOT NULL
);

CREATE TABLE proposal (
    id                   BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference            VARCHAR(20)   NOT NULL,
    lead_city_id         BIGINT        NOT NULL,
    partnership_type     VARCHAR(40)   NOT NULL,
    thematic_area        VARCHAR(40),
    title                VARCHAR(300)  NOT NULL,
    summary              TEXT,
    objectives           TEXT,
    activities           TEXT,
    start_date           DATE,
    duration_months      INT,
    total_budget         DECIMAL(15, 2),
    requested_amount     DECIMAL(15, 2),
    co_financing         DECIMAL(15, 2),
    currency             CHAR(3)       NOT NULL,
    status               VARCHAR(40)   NOT NULL,
    eligibility_reasons  VARCHAR(1000),
    decision             VARCHAR(40),
    decision_conditions  TEXT,
    decision_feedback    TEXT,
    decided_at           TIMESTAMP(6),
    score_relevance            DECIMAL(4, 2),
    score_sdg_contribution     DECIMAL(4, 2),
    score_feasibility          DECIMAL(4, 2),
    score_partnership_quality  DECIMAL(4, 2),
    score_sustainability       DECIMAL(4, 2),
    score_overall              DECIMAL(4, 2),
    score_spread               DECIMAL(4, 2),
    agreement_file_name  VARCHAR(255),
    agreement_uploaded_at TIMESTAMP(6),
    agreement_verified_at TIMESTAMP(6),
    evaluation_rating    INT,
    evaluation_summary   TEXT,
    submitted_at         TIMESTAMP(6),
    created_at           TIMESTAMP(6)  NOT NULL,
    updated_at           TIMESTAMP(6)  NOT NULL,
    version              INT           NOT NULL,
    CONSTRAINT uq_proposal_reference UNIQUE (reference),
    CONSTRAINT fk_proposal_lead_city FOREIGN KEY (lead_city_id) REFERENCES city (id)
);
CREATE INDEX ix_proposal_lead_city ON proposal (lead_city_id);
CREATE INDEX ix_proposal_status ON proposal (status);

CREATE TABLE partner_city (
    proposal_id       BIGINT        NOT NULL,
    position          INT           NOT NULL,
    city_name         VARCHAR(200)  NOT NULL,
    country_code      CHAR(2)       NOT NULL,
    role              VARCHAR(40)   NOT NULL,
    contact_email     VARCHAR(254),
    PRIMARY KEY (proposal_id, position),
    CONSTRAINT fk_partner_city_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE
);

CREATE TABLE proposal_sdg (
    proposal_id       BIGINT        NOT NULL,
    sdg               INT           NOT NULL,
    PRIMARY KEY (proposal_id, sdg),
    CONSTRAINT fk_proposal_sdg_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE
);

CREATE TABLE expected_result (
    proposal_id       BIGINT        NOT NULL,
    position          INT           NOT NULL,
    result            VARCHAR(500)  NOT NULL,
    indicator         VARCHAR(300)  NOT NULL,
    target            VARCHAR(100),
    PRIMARY KEY (proposal_id, position),
    CONSTRAINT fk_expected_result_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id) ON DELETE CASCADE
);

CREATE TABLE clarification (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    proposal_id       BIGINT        NOT NULL,
    question          TEXT          NOT NULL,
    asked_by          VARCHAR(64)   NOT NULL,
    asked_at          TIMESTAMP(6)  NOT NULL,
    deadline          TIMESTAMP(6)  NOT NULL,
    answer            TEXT,
    answered_at       TIMESTAMP(6),
    version           INT           NOT NULL,
    CONSTRAINT fk_clarification_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_clarification_proposal ON clarification (proposal_id);

CREATE TABLE review (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    proposal_id       BIGINT        NOT NULL,
    reviewer_id       VARCHAR(64)   NOT NULL,
    status            VARCHAR(30)   NOT NULL,
    conflict_declared BOOLEAN,
    conflict_description TEXT,
    score_relevance           INT,
    score_sdg_contribution    INT,
    score_feasibility         INT,
    score_partnership_quality INT,
    score_sustainability      INT,
    review_comment    TEXT,
    recommendation    VARCHAR(30),
    assigned_at       TIMESTAMP(6)  NOT NULL,
    submitted_at      TIMESTAMP(6),
    version           INT           NOT NULL,
    CONSTRAINT fk_review_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_review_proposal ON review (proposal_id);

CREATE TABLE report (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    proposal_id       BIGINT        NOT NULL,
    kind              VARCHAR(20)   NOT NULL,
    period_number     INT           NOT NULL,
    period_start      DATE          NOT NULL,
    period_end        DATE          NOT NULL,
    due_date          DATE          NOT NULL,
    status            VARCHAR(30)   NOT NULL,
    narrative         TEXT,
    activities_done   TEXT,
    participants_women INT,
    participants_men  INT,
    participants_other INT,
    submitted_at      TIMESTAMP(6),
    reviewed_at       TIMESTAMP(6),
    review_note       TEXT,
    version           INT           NOT NULL,
    CONSTRAINT uq_report_period UNIQUE (proposal_id, kind, period_number),
    CONSTRAINT fk_report_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);

CREATE TABLE indicator_value (
    report_id         BIGINT        NOT NULL,
    position          INT           NOT NULL,
    indicator         VARCHAR(300)  NOT NULL,
    target            VARCHAR(100),
    achieved          VARCHAR(100)  NOT NULL,
    PRIMARY KEY (report_id, position),
    CONSTRAINT fk_indicator_value_report FOREIGN KEY (report_id) REFERENCES report (id) ON DELETE CASCADE
);

CREATE TABLE timeline_entry (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    proposal_id       BIGINT        NOT NULL,
    occurred_at       TIMESTAMP(6)  NOT NULL,
    actor             VARCHAR(64)   NOT NULL,
    event             VARCHAR(60)   NOT NULL,
    detail            TEXT,
    visible_to_applicant BOOLEAN    NOT NULL,
    CONSTRAINT fk_timeline_entry_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_timeline_entry_proposal ON timeline_entry (proposal_id, occurred_at);

CREATE TABLE notification (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    proposal_id       BIGINT        NOT NULL,
    notice            VARCHAR(60)   NOT NULL,
    recipient         VARCHAR(254)  NOT NULL,
    created_at        TIMESTAMP(6)  NOT NULL,
    sent_at           TIMESTAMP(6),
    CONSTRAINT fk_notification_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
);
CREATE INDEX ix_notification_unsent ON notification (sent_at);
