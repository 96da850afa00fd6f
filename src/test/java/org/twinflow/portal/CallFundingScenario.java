package org.twinflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.twinflow.process.ProposalProcess.Elements.*;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.approval.CallBudgets;
import org.twinflow.call.CallDraft;
import org.twinflow.call.CallForProposals;
import org.twinflow.call.CallMode;
import org.twinflow.call.CallService;
import org.twinflow.process.CallProcess;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalDraft;
import org.twinflow.proposal.ProposalStatus;
import org.twinflow.proposal.ThematicArea;
import org.twinflow.system.StaffGroups;

/**
 * A competitive call from publication to the use of its reserve list, with the real processes of the call and of its
 * proposals, the real tables and the portal's pages: three proposals are reviewed (the last after the deadline, so the
 * call waits for it), the committee's choice beyond the budget is refused, it funds two and puts the third on the reserve
 * list; the cities see it on "My proposals"; when the first partnership is cancelled, the freed money goes to the
 * reserve proposal after the committee approves it. Run on H2 ({@link CallFundingIT}) and on MariaDB
 * ({@link MySqlCallFundingIT}).
 */
abstract class CallFundingScenario extends ProposalPageTestSupport {

    private static final AtomicInteger CALLS = new AtomicInteger();

    @Autowired CallService calls;
    @Autowired CallBudgets budgets;

    @Test
    void shouldFundTheBestWithinTheBudgetKeepAReserveAndUseItWhenMoneyIsFreed() throws Exception {
        // given an open competitive call of 200 000 EUR
        CallForProposals call = openCompetitiveCall(new BigDecimal("200000"));
        String surabaya = newCityOfficer();
        String medan = newCityOfficer();
        String davao = newCityOfficer();
        Proposal best = submit(surabaya, inCall(call, surabaya, "Flood early warning Surabaya–Rotterdam"));
        Proposal second = submit(medan, inCall(call, medan, "Urban heat action plans Medan–Seville"));
        Proposal third = submit(davao, inCall(call, davao, "Mangrove restoration Davao–Cebu–Kochi"));

        // when two are reviewed before the deadline and the call closes
        reviewed(best, 5);
        reviewed(second, 4);
        assertThat(proposals.byReference(best.getReference()).getStatus()).isEqualTo(ProposalStatus.AWAITING_FUNDING_DECISION);
        ClockUtil.setCurrentTime(Date.from(call.getClosesAt()));
        runCallTimer(call, "Event_DeadlineReached");

        // then the call waits for the third review; when it ends, the committee gets the funding task
        assertThat(fundingTask(call)).isNull();
        reviewed(third, 3);
        Task funding = fundingTask(call);
        assertThat(funding).isNotNull();
        assertThat(funding.getName()).isEqualTo("Fund proposals of call " + call.getReference());

        // and its rows are the proposals ranked by score with the running total against the budget
        List<Map<String, Object>> rows = rowsOf(funding);
        assertThat(rows).extracting(r -> r.get("reference")).containsExactly(best.getReference(), second.getReference(), third.getReference());
        assertThat(rows).extracting(r -> ((Number) r.get("runningTotal")).intValue()).containsExactly(90000, 180000, 270000);

        // and the staff's ranking page shows the same order to the committee, not to reviewers or cities
        String ranking = rankingPage(call, asStaff("kofi", StaffGroups.COMMITTEE));
        assertThat(ranking).containsSubsequence(best.getReference(), second.getReference(), third.getReference())
                .contains("200,000.00 EUR", "beyond the budget", "Nobody is on the reserve list.");
        mvc.perform(get("/staff/calls/" + call.getReference() + "/ranking").with(asStaff("amara", StaffGroups.REVIEWERS)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/calls/" + call.getReference() + "/ranking").with(asOfficer(davao))).andExpect(status().isForbidden());

        // when the committee funds all three, it is refused: they request more than the budget
        List<Map<String, Object>> allFunded = choose(rows, "fund", "fund", "fund");
        assertThatThrownBy(() -> taskService.complete(funding.getId(), Map.of("fundingProposals", allFunded)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("more than the call's budget");
        assertThat(proposals.byReference(third.getReference()).getStatus()).isEqualTo(ProposalStatus.AWAITING_FUNDING_DECISION);

        // when it funds the best two (one with conditions) and puts the third on the reserve list
        List<Map<String, Object>> chosen = choose(rows, "fund", "fund_with_conditions", "reserve");
        chosen.get(1).put("conditions", "Publish the heat maps as open data.");
        chosen.get(2).put("reservePosition", 1);
        taskService.complete(funding.getId(), Map.of("fundingProposals", chosen));
        Jobs.runAsync(managementService);

        // then each proposal goes on as the committee decided, and the cities see it
        assertThat(proposals.byReference(best.getReference()).getStatus()).isEqualTo(ProposalStatus.AGREEMENT_PENDING);
        assertThat(proposals.byReference(second.getReference()).getStatus()).isEqualTo(ProposalStatus.AGREEMENT_PENDING);
        assertThat(decisions.of(second.getId()).orElseThrow().conditions()).isEqualTo("Publish the heat maps as open data.");
        assertThat(proposals.byReference(third.getReference()).getStatus()).isEqualTo(ProposalStatus.ON_RESERVE_LIST);
        assertThat(budgets.remainingOf(call.getId())).isEqualByComparingTo("20000");
        assertThat(myProposals(davao)).contains("On the reserve list").contains(third.getTitle());
        assertThat(myProposals(surabaya)).contains(best.getTitle()).doesNotContain("On the reserve list");
        assertThat(rankingPage(call, asStaff("sofia", StaffGroups.SECRETARIAT))).contains("No proposal of this call waits")
                .contains(third.getReference(), "20,000.00 EUR");

        // when the best partnership's agreement is not signed in time and the secretariat cancels it
        cancelForMissingAgreement(best);
        assertThat(proposals.byReference(best.getReference()).getStatus()).isEqualTo(ProposalStatus.CANCELLED);

        // then the committee is offered the reserve proposal, which now fits, and funds it
        Task offer = taskService.createTaskQuery().processInstanceBusinessKey(call.getReference())
                .taskDefinitionKey("Task_ApproveReserveProposal").singleResult();
        assertThat(offer).isNotNull();
        assertThat(taskService.getVariable(offer.getId(), "offeredReference")).isEqualTo(third.getReference());
        taskService.complete(offer.getId(), Map.of("reserveDecision", "fund", "reserveFeedback", "Funded from the money freed in the call."));
        Jobs.runAsync(managementService);
        assertThat(proposals.byReference(third.getReference()).getStatus()).isEqualTo(ProposalStatus.AGREEMENT_PENDING);
        assertThat(budgets.remainingOf(call.getId())).isEqualByComparingTo("20000");
        assertThat(myProposals(davao)).doesNotContain("On the reserve list");
    }

    private CallForProposals openCompetitiveCall(BigDecimal budget) {
        String reference = "FUND-" + CALLS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
        var now = clock.instant();
        calls.create(new CallDraft(reference, "Twinning for Climate Resilience", "Cities adapt together.", CallMode.COMPETITIVE,
                EnumSet.allOf(ThematicArea.class), Set.of(), Set.of(), Set.of(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                ZoneId.of("Asia/Jakarta"), budget, "EUR", new BigDecimal("150000"), new BigDecimal("0.8"), 6, 36, 2, Period.ofMonths(6)));
        CallForProposals call = calls.publish(reference, "sofia");
        runCallTimer(call, "Event_CallOpens");
        return call;
    }

    private void runCallTimer(CallForProposals call, String activityId) {
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(CallProcess.PROCESS_KEY)
                .processInstanceBusinessKey(call.getReference()).singleResult().getId();
        managementService.createJobQuery().processInstanceId(instance).activityId(activityId).timers().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        Jobs.runAsync(managementService);
    }

    private ProposalDraft inCall(CallForProposals call, String officer, String title) {
        ProposalDraft d = ProposalFixtures.mobilityProposal(cityOf(officer), LocalDate.now(clock), title, List.of(ProposalFixtures.toyama()));
        return ProposalFixtures.inCall(d, call.getId(), ThematicArea.CLIMATE_DRR);
    }

    private void reviewed(Proposal proposal, int score) {
        List<String> reviewers = inReview(proposal);
        score(proposal, reviewers.get(0), score, "Scored " + score + ".");
        score(proposal, reviewers.get(1), score, "Scored " + score + " too.");
    }

    private Task fundingTask(CallForProposals call) {
        return taskService.createTaskQuery().processInstanceBusinessKey(call.getReference()).taskDefinitionKey("Task_FundProposals")
                .singleResult();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rowsOf(Task task) {
        return (List<Map<String, Object>>) taskService.getVariable(task.getId(), "fundingProposals");
    }

    private static List<Map<String, Object>> choose(List<Map<String, Object>> rows, String... decisions) {
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>(rows.get(i));
            row.put("decision", decisions[i]);
            row.put("feedback", "Feedback of the committee for " + row.get("reference") + ".");
            chosen.add(row);
        }
        return chosen;
    }

    private void cancelForMissingAgreement(Proposal proposal) {
        String followUp = runtimeService.createProcessInstanceQuery().processDefinitionKey(org.twinflow.process.ProposalProcess.FOLLOW_UP_PROCESS_KEY)
                .processInstanceBusinessKey(proposal.getReference()).singleResult().getId();
        var deadline = managementService.createJobQuery().processInstanceId(followUp).activityId(BOUNDARY_AGREEMENT_DEADLINE_PASSED).timers()
                .singleResult();
        ClockUtil.setCurrentTime(deadline.getDuedate());
        managementService.executeJob(deadline.getId());
        Jobs.runAsync(managementService);
        complete(proposal, TASK_HANDLE_OVERDUE_AGREEMENT, null, Map.of(OVERDUE_AGREEMENT_ACTION, "cancel",
                CANCELLATION_REASON, "The agreement was not signed in time."));
    }

    private String rankingPage(CallForProposals call, org.springframework.test.web.servlet.request.RequestPostProcessor who)
            throws Exception {
        return mvc.perform(get("/staff/calls/" + call.getReference() + "/ranking").with(who)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    private String myProposals(String officer) throws Exception {
        return mvc.perform(get("/proposals").with(asOfficer(officer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
