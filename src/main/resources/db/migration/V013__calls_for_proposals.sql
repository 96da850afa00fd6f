-- Calls for proposals (issue 11): each call is data with its own dates, areas, money and rules, and every proposal
-- belongs to one. The proposals made before calls existed join one call created here from the configuration they
-- were checked against (twinflow.call.*, passed in as Flyway placeholders by application.yaml): a rolling call,
-- decided proposal by proposal as before, open from twinflow.call.first-call.opens-at until its closes-at (UTC;
-- the secretariat can extend it).
CREATE TABLE call_for_proposals (
    id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference             VARCHAR(20)    NOT NULL,
    title                 VARCHAR(200)   NOT NULL,
    description           TEXT           NOT NULL,
    mode                  VARCHAR(20)    NOT NULL,
    -- codes separated by commas: ThematicArea names, SDG numbers (none: any), ISO country codes (none: any), DocumentKind names
    thematic_areas        VARCHAR(200)   NOT NULL,
    sdgs                  VARCHAR(100)   NOT NULL,
    lead_countries        VARCHAR(1000)  NOT NULL,
    required_documents    VARCHAR(200)   NOT NULL,
    opens_at              TIMESTAMP(6)   NOT NULL,
    closes_at             TIMESTAMP(6)   NOT NULL,
    time_zone             VARCHAR(60)    NOT NULL,
    budget                DECIMAL(15, 2) NOT NULL,
    currency              CHAR(3)        NOT NULL,
    max_requested_amount  DECIMAL(15, 2) NOT NULL,
    max_funding_share     DECIMAL(5, 4)  NOT NULL,
    min_duration_months   INT            NOT NULL,
    max_duration_months   INT            NOT NULL,
    reviewer_count        INT            NOT NULL,
    reporting_interval    VARCHAR(20)    NOT NULL,
    published_at          TIMESTAMP(6),
    published_by          VARCHAR(64),
    closed_at             TIMESTAMP(6),
    created_at            TIMESTAMP(6)   NOT NULL,
    updated_at            TIMESTAMP(6)   NOT NULL,
    version               INT            NOT NULL,
    CONSTRAINT uq_call_reference UNIQUE (reference)
);

-- Every change of a published call's deadline, with who made it and why (shown on the call's pages).
CREATE TABLE call_deadline_extension (
    call_id               BIGINT         NOT NULL,
    position              INT            NOT NULL,
    previous_closes_at    TIMESTAMP(6)   NOT NULL,
    new_closes_at         TIMESTAMP(6)   NOT NULL,
    reason                TEXT           NOT NULL,
    extended_by           VARCHAR(64)    NOT NULL,
    extended_at           TIMESTAMP(6)   NOT NULL,
    CONSTRAINT pk_call_deadline_extension PRIMARY KEY (call_id, position),
    CONSTRAINT fk_call_deadline_extension_call FOREIGN KEY (call_id) REFERENCES call_for_proposals (id)
);

INSERT INTO call_for_proposals (reference, title, description, mode, thematic_areas, sdgs, lead_countries, required_documents,
                                opens_at, closes_at, time_zone, budget, currency, max_requested_amount, max_funding_share,
                                min_duration_months, max_duration_months, reviewer_count, reporting_interval,
                                published_at, published_by, created_at, updated_at, version)
VALUES ('${first-call-reference}', '${first-call-title}',
        'Proposals in any of the network''s five areas, decided one by one as they come.',
        'ROLLING', 'MOBILITY,SDG_LOCALISATION,CLIMATE_DRR,TOURISM_CULTURE,LOCAL_ECONOMY', '', '${lead-countries}', '',
        TIMESTAMP '${first-call-opens-at}', TIMESTAMP '${first-call-closes-at}', '${time-zone}', ${first-call-budget}, '${currency}',
        ${max-requested-amount}, ${max-funding-share}, ${min-duration-months}, ${max-duration-months}, ${reviewer-count},
        '${reporting-interval}', TIMESTAMP '${first-call-opens-at}', 'migration', TIMESTAMP '${first-call-opens-at}',
        TIMESTAMP '${first-call-opens-at}', 0);

-- NOT NULL through a default that goes again: H2 and MySQL share no other syntax for making a column NOT NULL.
ALTER TABLE proposal ADD COLUMN call_id BIGINT DEFAULT 0 NOT NULL;
UPDATE proposal SET call_id = (SELECT id FROM call_for_proposals WHERE reference = '${first-call-reference}');
ALTER TABLE proposal ALTER COLUMN call_id DROP DEFAULT;
ALTER TABLE proposal ADD CONSTRAINT fk_proposal_call FOREIGN KEY (call_id) REFERENCES call_for_proposals (id);
-- The call's proposals by status: the closing check (every proposal reviewed?), the budget in use, the ranking.
CREATE INDEX ix_proposal_call_status ON proposal (call_id, status);
