-- The landing page lists the newest approved partnerships (PartnershipListFinder): with this index the database reads
-- them newest first and stops after the page, instead of sorting every approved partnership (610 ms at 100 000
-- proposals before the list was paged in SQL, docs/performance.md).
CREATE INDEX ix_proposal_start_date ON proposal (start_date, id);
