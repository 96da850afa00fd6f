package org.twinflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.twinflow.process.ProposalProcess.PROCESS_KEY;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.twinflow.ProposalFixtures;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;

/**
 * DESIGN.md: "storing a proposal and starting its process either both happen or neither". Each test
 * takes a snapshot of everything a submission writes (proposal rows, the reference counter, timeline
 * entries, process instances and their history, jobs), makes the submission fail at one point, and
 * expects the snapshot unchanged. Same context as {@code TwinflowApplicationIT} (profile {@code test}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProposalSubmissionAtomicityIT {

    /** partner_city.city_name is VARCHAR(200). */
    private static final String PARTNER_NAME_OF_250_CHARACTERS = "Kabupaten ".repeat(25);

    @Autowired
    private ProposalService proposals;
    @Autowired
    private ProposalRepository proposalRepository;
    @Autowired
    private CityRepository cities;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private ManagementService managementService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private Clock clock;

    private City semarang;

    @BeforeEach
    void registerLeadCity() {
        semarang = cities.save(ProposalFixtures.semarang(clock.instant()));
    }

    @Test
    void shouldStoreNothingWhenTheProcessCannotStart() {
        // given
        ProposalDraft draft = ProposalFixtures.semarangToyamaMobility(semarang.getId(), LocalDate.now(clock));
        Snapshot before = snapshot();
        repositoryService.suspendProcessDefinitionByKey(PROCESS_KEY);
        try {
            // when, then
            assertThatThrownBy(() -> proposals.submitNew(draft, "semarang"))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("suspended");
        } finally {
            repositoryService.activateProcessDefinitionByKey(PROCESS_KEY);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldStartNoProcessWhenTheProposalCannotBeStored() {
        // given a partner city name longer than its column
        ProposalDraft draft = ProposalFixtures.mobilityProposal(semarang.getId(), LocalDate.now(clock),
                "Light rail exchange with a partner whose name is too long", List.of(
                        ProposalFixtures.toyama(),
                        new PartnerCity(PARTNER_NAME_OF_250_CHARACTERS, "PH", PartnerRole.PARTNER, null)));
        assertThat(PARTNER_NAME_OF_250_CHARACTERS).hasSize(250);
        Snapshot before = snapshot();

        // when, then
        assertThatThrownBy(() -> proposals.submitNew(draft, "semarang"))
                .rootCause().isInstanceOf(SQLException.class).message().containsIgnoringCase("city_name");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void shouldKeepNeitherProposalNorProcessWhenTheTransactionRollsBackAfterTheStart() {
        // given
        ProposalDraft draft = ProposalFixtures.semarangToyamaMobility(semarang.getId(), LocalDate.now(clock));
        Snapshot before = snapshot();

        // when the submission succeeds inside a transaction that is then rolled back
        String reference = new TransactionTemplate(transactionManager).execute(status -> {
            Proposal submitted = proposals.submitNew(draft, "semarang");
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(submitted.getReference()).count())
                    .as("instance visible inside the transaction").isEqualTo(1);
            assertThat(managementService.createJobQuery().processInstanceId(instanceIdOf(submitted.getReference())).count())
                    .as("acknowledgement job inside the transaction").isEqualTo(1);
            status.setRollbackOnly();
            return submitted.getReference();
        });

        // then nothing of it remains
        assertThat(snapshot()).isEqualTo(before);
        assertThat(proposalRepository.findByReference(reference)).isEmpty();

        // and the reference is handed out again (ReferenceGenerator: a rolled-back submission gives its number back)
        Proposal next = proposals.submitNew(draft, "semarang");
        assertThat(next.getReference()).isEqualTo(reference);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);
    }

    @Test
    void shouldKeepNeitherProposalNorProcessWhenTheCallerFailsAfterTheStart() {
        // given
        ProposalDraft draft = ProposalFixtures.semarangToyamaMobility(semarang.getId(), LocalDate.now(clock));
        Snapshot before = snapshot();

        // when the caller's transaction fails after submitting
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            proposals.submitNew(draft, "semarang");
            throw new IllegalStateException("the caller fails after the submission");
        })).isInstanceOf(IllegalStateException.class);

        // then nothing of it remains
        assertThat(snapshot()).isEqualTo(before);
    }

    private String instanceIdOf(String reference) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    /** Everything a submission writes. */
    private record Snapshot(long proposals, long partnerCities, List<Map<String, Object>> referenceCounters,
            long timelineEntries, long processInstances, long historicProcessInstances, long jobs) {
    }

    private Snapshot snapshot() {
        return new Snapshot(
                proposalRepository.count(),
                countRows("partner_city"),
                jdbc.queryForList("SELECT counter_year, last_value FROM reference_counter ORDER BY counter_year"),
                countRows("timeline_entry"),
                runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count(),
                historyService.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count(),
                managementService.createJobQuery().count());
    }

    private long countRows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
