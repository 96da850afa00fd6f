-- The revised proposal's deadline, stored when the committee returns a proposal for revision: the process's timer
-- (process version 1.4 on), the portal's "what to do now" and the mail read it from here. Proposals returned before
-- keep their timer, which counts from the decision (Proposal.revisionDue).
ALTER TABLE proposal ADD COLUMN revision_due_at TIMESTAMP(6);
