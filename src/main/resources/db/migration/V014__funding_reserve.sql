-- The reserve list of a competitive call (issue 11): the proposals the committee did not fund for now, in its order.
-- A row leaves the list when its proposal is funded from freed money or rejected when the list closes. The decision
-- itself (approve or reject) then goes to proposal_decision, like every other committee decision.
CREATE TABLE funding_reserve (
    proposal_id     BIGINT        NOT NULL,
    call_id         BIGINT        NOT NULL,
    position        INT           NOT NULL,
    conditions      TEXT,
    feedback        TEXT          NOT NULL,
    placed_at       TIMESTAMP(6)  NOT NULL,
    CONSTRAINT pk_funding_reserve PRIMARY KEY (proposal_id),
    CONSTRAINT fk_funding_reserve_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_funding_reserve_call FOREIGN KEY (call_id) REFERENCES call_for_proposals (id)
);

-- The call's list in its order: the promotion takes the first that fits.
CREATE INDEX ix_funding_reserve_call_position ON funding_reserve (call_id, position);
