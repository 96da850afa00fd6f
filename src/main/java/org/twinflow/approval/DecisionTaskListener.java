package org.twinflow.approval;

import static org.twinflow.process.ProposalProcess.Vars.*;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;

/**
 * {@code Task_DecideOnProposal}. On create: shows what is left of the call's budget ({@code callBudgetRemaining},
 * task-local). On complete: refuses a decision without feedback (or conditions, when approving with conditions), and
 * an approval whose requested amount exceeds what is left of the call's budget ({@link CallBudgets}); then records it
 * ({@link CommitteeDecisions}).
 */
@Component
class DecisionTaskListener implements TaskListener {

    /** Task-local: the call's budget not yet promised to approved proposals, when the task was created. */
    static final String CALL_BUDGET_REMAINING = "callBudgetRemaining";

    private final CommitteeDecisions decisions;
    private final CallBudgets budgets;
    private final ProposalService proposals;

    DecisionTaskListener(CommitteeDecisions decisions, CallBudgets budgets, ProposalService proposals) {
        this.decisions = decisions;
        this.budgets = budgets;
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Proposal proposal = proposals.byId((Long) task.getVariable(PROPOSAL_ID));
            // a Double: a number Tasklist's form reads as such (the amount is shown, never computed with)
            task.setVariableLocal(CALL_BUDGET_REMAINING, budgets.remainingOf(proposal.getCallId()).doubleValue());
            return;
        }
        Decision decision = TaskInput.requiredChoice(task, DECISION, Decision.class);
        String conditions = decision == Decision.APPROVE_WITH_CONDITIONS ? TaskInput.requiredText(task, DECISION_CONDITIONS) : null;
        String feedback = TaskInput.requiredText(task, DECISION_FEEDBACK);
        Long proposalId = (Long) task.getVariable(PROPOSAL_ID);
        if (decision == Decision.APPROVE || decision == Decision.APPROVE_WITH_CONDITIONS) {
            Proposal proposal = proposals.byId(proposalId);
            BigDecimal remaining = budgets.remainingOf(proposal.getCallId());
            BigDecimal requested = proposal.getRequestedAmount() == null ? BigDecimal.ZERO : proposal.getRequestedAmount();
            if (requested.compareTo(remaining) > 0) {
                throw new TaskInput.TaskInputException("The proposal requests " + requested.toPlainString() + " "
                        + proposal.getCurrency() + ", more than the " + remaining.toPlainString() + " " + proposal.getCurrency()
                        + " left of the call's budget");
            }
        }
        decisions.record(proposalId, decision, conditions, feedback, TaskInput.actor(task));
    }
}
