package org.twinflow.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.twinflow.process.ProposalProcess.Elements.TASK_ASSIGN_REVIEWERS;
import static org.twinflow.process.ProposalProcess.Elements.TASK_DECLARE_CONFLICT_OF_INTEREST;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCORE_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Elements.TASK_SCREEN_PROPOSAL;
import static org.twinflow.process.ProposalProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.twinflow.CallFixtures;
import org.twinflow.Jobs;
import org.twinflow.ProposalFixtures;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.proposal.Proposal;
import org.twinflow.proposal.ProposalService;
import org.twinflow.system.StaffGroups;

/**
 * Budgets of SQL statements per operation on the real application: a test fails when a change makes an
 * operation cost more than its budget, and says where the statements went. {@link SqlBudgetIT} counts
 * them through JDBC on H2; {@link MySqlSqlBudgetIT} reads the server's own counters on MariaDB/MySQL,
 * where the engine's batched inserts arrive as one statement each. The budgets and why they are what
 * they are: docs/performance.md, "SQL budgets".
 */
abstract class SqlBudgetScenarios {

    /** The budgets of the database this scenario runs on. */
    abstract int submissionBudget();

    abstract int reviewCompletionBudget();

    /** Statements sent while {@code operation} runs. */
    abstract Measured measure(ThrowingRunnable operation) throws Exception;

    /** What an operation cost: the number counted, and a breakdown for the failure message. */
    record Measured(int total, String breakdown) {
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Autowired MockMvc mvc;
    @Autowired CityRepository cities;
    @Autowired CityAccounts cityAccounts;
    @Autowired ProposalService proposals;
    @Autowired TaskService taskService;
    @Autowired IdentityService identityService;
    @Autowired ManagementService managementService;
    @Autowired Clock clock;

    @Test
    void shouldSubmitAProposalWithinItsBudget() throws Exception {
        // given an officer of a verified city with the proposal form filled in, after a first submission
        // (the year's reference counter and the engine's caches exist, as on any working day)
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        String officer = "budget" + UUID.randomUUID().toString().substring(0, 8);
        cityAccounts.link(officer, city.getId());
        submit(city, officer);

        // when the form is submitted and the process runs until it waits at screening
        Measured cost = measure(() -> submit(city, officer));

        // then it cost no more than its budget
        System.out.println("Submission: " + cost.total() + " statements\n" + cost.breakdown());
        assertThat(cost.total()).as("statements of one submission:\n%s", cost.breakdown()).isLessThanOrEqualTo(submissionBudget());
    }

    /** The browser's session cookie: the measured submission is sent in the session of the first, as a signed-in city's is. */
    private jakarta.servlet.http.Cookie session;

    private void submit(City city, String officer) throws Exception {
        var request = multipart("/proposals/new").params(completeForm(city)).with(csrf())
                .with(user(officer).authorities(new SimpleGrantedAuthority("GROUP_" + StaffGroups.CITIES)));
        if (session != null) {
            request.cookie(session);
        }
        var response = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse();
        if (response.getCookie("JSESSIONID") != null) {
            session = response.getCookie("JSESSIONID");
        }
        Jobs.runAsync(managementService);
    }

    @Test
    void shouldCompleteAReviewWithinItsBudget() throws Exception {
        // given a proposal in review by two reviewers, the first of whom has declared no conflict
        City city = cities.save(ProposalFixtures.semarang(clock.instant()));
        Proposal proposal = proposals.submitNew(ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock)), "budget");
        Jobs.runAsync(managementService);
        complete(proposal, TASK_SCREEN_PROPOSAL, null, Map.of(SCREENING_OUTCOME, "complete"));
        List<String> reviewers = List.of(reviewer(), reviewer());
        complete(proposal, TASK_ASSIGN_REVIEWERS, null, Map.of(REVIEWERS, reviewers));
        complete(proposal, TASK_DECLARE_CONFLICT_OF_INTEREST, reviewers.get(0), Map.of(CONFLICT_OF_INTEREST, "none"));

        // when the reviewer submits the scores
        Measured cost = measure(() -> complete(proposal, TASK_SCORE_PROPOSAL, reviewers.get(0), Map.of(SCORE_RELEVANCE, 4,
                SCORE_SDG_CONTRIBUTION, 5, SCORE_FEASIBILITY, 4, SCORE_PARTNERSHIP_QUALITY, 3, SCORE_SUSTAINABILITY, 4, REVIEW_COMMENT,
                "A clear corridor plan; the budget for study visits is tight.", RECOMMENDATION, "fund")));

        // then it cost no more than its budget
        System.out.println("Review completion: " + cost.total() + " statements\n" + cost.breakdown());
        assertThat(cost.total()).as("statements of one review completion:\n%s", cost.breakdown())
                .isLessThanOrEqualTo(reviewCompletionBudget());
    }

    private void complete(Proposal proposal, String taskKey, String assignee, Map<String, Object> variables) {
        var query = taskService.createTaskQuery().processInstanceBusinessKey(proposal.getReference()).taskDefinitionKey(taskKey);
        if (assignee != null) {
            query = query.taskAssignee(assignee);
        }
        Task task = query.singleResult();
        taskService.complete(task.getId(), variables);
        Jobs.runAsync(managementService);
    }

    private String reviewer() {
        String id = "budgetreviewer" + UUID.randomUUID().toString().substring(0, 6);
        return TestUsers.ensure(identityService, id, "Budget", "Reviewer", id + "@reviewers.example", "pw-" + System.nanoTime(),
                StaffGroups.REVIEWERS);
    }

    /** The fixture's complete proposal as the browser posts it with "Submit". */
    private MultiValueMap<String, String> completeForm(City city) {
        var draft = ProposalFixtures.semarangToyamaMobility(city.getId(), LocalDate.now(clock));
        var partner = draft.partners().get(0);
        var result = draft.expectedResults().get(0);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("callReference", CallFixtures.FIRST_CALL_REFERENCE);
        form.add("title", draft.title());
        form.add("partnershipType", draft.partnershipType().name());
        form.add("thematicArea", draft.thematicArea().name());
        form.add("summary", draft.summary());
        form.add("objectives", draft.objectives());
        form.add("activities", draft.activities());
        form.add("startDate", draft.startDate().toString());
        form.add("endDate", draft.startDate().plusMonths(draft.durationMonths()).toString());
        form.add("totalBudget", draft.totalBudget().toPlainString());
        form.add("requestedAmount", draft.requestedAmount().toPlainString());
        form.add("coFinancing", draft.coFinancing().toPlainString());
        form.add("partners[0].cityName", partner.cityName());
        form.add("partners[0].countryCode", partner.countryCode());
        form.add("partners[0].role", partner.role().name());
        form.add("partners[0].contactEmail", partner.contactEmail());
        form.add("expectedResults[0].result", result.result());
        form.add("expectedResults[0].indicator", result.indicator());
        form.add("expectedResults[0].target", result.target());
        form.add("declarationCorrect", "true");
        form.add("declarationAuthorised", "true");
        form.add("submissionId", UUID.randomUUID().toString());
        form.add("submit", "1");
        draft.sdgs().forEach(n -> form.add("sdgs", String.valueOf(n)));
        return form;
    }
}
