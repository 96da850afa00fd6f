package org.twinflow.funding;

import static org.twinflow.process.CallProcess.Vars.CALL_ID;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.call.CallRules;
import org.twinflow.process.FormChoice;
import org.twinflow.process.JsonVariables;
import org.twinflow.process.TaskInput;
import org.twinflow.process.TaskInput.TaskInputException;

/**
 * {@code call-for-proposals}, {@code Task_FundProposals}. On create: the ranking as the form's rows
 * ({@code fundingProposals}, preset to reject; a process variable, which the form's dynamic list writes back), and
 * task-local the money available ({@code budget}) and the {@code currency}. On
 * complete: refuses the choice unless every ranked proposal has exactly one row with a decision, feedback, conditions
 * when funded with conditions, and the funded ones fit the budget; then keeps it for {@link FundingDecisions#send} as
 * {@code fundingChoices} (reserve positions renumbered 1, 2, ... in the committee's order) and {@code fundingDecidedBy}.
 */
@Component("fundingTaskListener")
public class FundingTaskListener implements TaskListener {

    public static final String FUNDING_PROPOSALS = "fundingProposals";
    public static final String BUDGET = "budget";
    public static final String CURRENCY = "currency";
    public static final String FUNDING_CHOICES = "fundingChoices";
    public static final String FUNDING_DECIDED_BY = "fundingDecidedBy";

    private final FundingService funding;

    public FundingTaskListener(FundingService funding) {
        this.funding = funding;
    }

    @Override
    public void notify(DelegateTask task) {
        Long callId = (Long) task.getVariable(CALL_ID);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            show(task, callId);
        } else {
            decide(task, callId);
        }
    }

    private void show(DelegateTask task, Long callId) {
        CallRules rules = funding.rulesOf(callId);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RankedProposal ranked : funding.ranking(callId)) {
            FundingCandidate c = ranked.candidate();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("rank", ranked.rank());
            row.put("reference", c.reference());
            row.put("title", c.title());
            row.put("city", c.city());
            row.put("score", c.score());
            row.put("spread", c.spread());
            row.put("requestedAmount", c.requested());
            row.put("runningTotal", ranked.runningTotal());
            row.put("withinBudget", ranked.withinBudget());
            row.put("link", ranked.link());
            row.put("decision", FundingChoice.REJECT.value());
            row.put("conditions", "");
            row.put("feedback", "");
            row.put("reservePosition", null);
            rows.add(row);
        }
        // on the process, not the task: completing a task writes its variables to the process, where a task-local
        // variable of the same name would hide what the committee chose
        task.getExecution().setVariable(FUNDING_PROPOSALS, JsonVariables.json(rows));
        task.setVariableLocal(BUDGET, funding.remainingBudget(callId).doubleValue());
        task.setVariableLocal(CURRENCY, rules.currency());
    }

    private void decide(DelegateTask task, Long callId) {
        List<Map<String, Object>> rows = FundingRows.read(task.getVariable(FUNDING_PROPOSALS));
        Map<String, FundingCandidate> candidates = new LinkedHashMap<>();
        funding.ranking(callId).forEach(r -> candidates.put(r.candidate().reference(), r.candidate()));
        String currency = funding.rulesOf(callId).currency();
        BigDecimal budget = funding.remainingBudget(callId);

        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Map<String, Object>> choices = new ArrayList<>();
        List<Map<String, Object>> reserve = new ArrayList<>();
        BigDecimal funded = BigDecimal.ZERO;
        for (Map<String, Object> row : rows) {
            String reference = text(row.get("reference"));
            FundingCandidate candidate = reference == null ? null : candidates.get(reference);
            if (candidate == null || !seen.add(reference)) {
                problems.add("Row " + reference + " is not a proposal waiting for this decision, or appears twice");
                continue;
            }
            FundingChoice choice = choiceOf(text(row.get("decision")));
            String conditions = text(row.get("conditions"));
            String feedback = text(row.get("feedback"));
            if (choice == null) {
                problems.add(reference + ": the decision must be one of " + values());
                continue;
            }
            if (choice == FundingChoice.FUND_WITH_CONDITIONS && conditions == null) {
                problems.add(reference + ": write the conditions of the funding");
            }
            if (feedback == null) {
                problems.add(reference + ": write the feedback for the applicant");
            }
            if (choice.funds()) {
                funded = funded.add(candidate.requested());
            }
            Map<String, Object> chosen = new LinkedHashMap<>();
            chosen.put("proposalId", candidate.proposalId());
            chosen.put("reference", reference);
            chosen.put("decision", choice.value());
            chosen.put("conditions", choice == FundingChoice.FUND_WITH_CONDITIONS || choice == FundingChoice.RESERVE ? conditions : null);
            chosen.put("feedback", feedback);
            chosen.put("reservePosition", null);
            choices.add(chosen);
            if (choice == FundingChoice.RESERVE) {
                chosen.put("wishedPosition", row.get("reservePosition") instanceof Number n ? n.doubleValue() : Double.MAX_VALUE);
                reserve.add(chosen);
            }
        }
        candidates.keySet().stream().filter(reference -> !seen.contains(reference))
                .forEach(reference -> problems.add(reference + ": decide on this proposal too"));
        if (!problems.isEmpty()) {
            throw new TaskInputException(String.join("; ", problems));
        }
        if (funded.compareTo(budget) > 0) {
            throw new TaskInputException("The chosen proposals request " + amount(funded) + " " + currency + ", more than the call's budget of "
                    + amount(budget) + " " + currency);
        }
        // the committee's positions where given, the ranking's order (the rows' order) for the rest and for ties
        List<Map<String, Object>> ordered = new ArrayList<>(reserve);
        ordered.sort((a, b) -> Double.compare((Double) a.get("wishedPosition"), (Double) b.get("wishedPosition")));
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).put("reservePosition", i + 1);
            ordered.get(i).remove("wishedPosition");
        }
        task.getExecution().setVariable(FUNDING_CHOICES, JsonVariables.json(choices));
        task.getExecution().setVariable(FUNDING_DECIDED_BY, TaskInput.actor(task));
    }

    static String amount(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private static FundingChoice choiceOf(String value) {
        for (FundingChoice choice : FundingChoice.values()) {
            if (choice.value().equals(value)) {
                return choice;
            }
        }
        return null;
    }

    private static List<String> values() {
        return java.util.Arrays.stream(FundingChoice.values()).map(FormChoice::value).toList();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
