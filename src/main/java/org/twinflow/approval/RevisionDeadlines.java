package org.twinflow.approval;

import static org.twinflow.process.ProposalProcess.Vars.PROPOSAL_ID;
import static org.twinflow.process.ProposalProcess.Vars.REVISION_DUE_AT;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.twinflow.system.ProcessDurations;

/**
 * Sets the revised proposal's deadline when the committee returns a proposal for revision
 * ({@code ${revisionDeadlines.request(execution)}}): the process variable {@code revisionDueAt}, which the wait's
 * timer reads, and the decision's record, which the portal and the mail read. One deadline, one source.
 */
@Component("revisionDeadlines")
public class RevisionDeadlines {

    private final CommitteeDecisions decisions;
    private final ProcessDurations durations;

    RevisionDeadlines(CommitteeDecisions decisions, ProcessDurations durations) {
        this.decisions = decisions;
        this.durations = durations;
    }

    public void request(DelegateExecution execution) {
        Date due = durations.revisionDueFromNow();
        execution.setVariable(REVISION_DUE_AT, due);
        decisions.recordRevisionDue((Long) execution.getVariable(PROPOSAL_ID), due.toInstant());
    }
}
