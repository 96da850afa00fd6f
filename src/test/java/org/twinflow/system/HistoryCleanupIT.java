package org.twinflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.twinflow.account.CityAccounts;
import org.twinflow.account.CityRegistrationService;
import org.twinflow.account.RegistrationForm;
import org.twinflow.city.LocalGovernmentType;

/**
 * What Cockpit shows and how long: full history, a time-to-live on every process and decision, and
 * the removal-time based history cleanup that deletes a finished instance's history once its time has
 * come, so the ACT_HI_* tables stay bounded. Own database (the cleanup deletes history).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:twinflow-history-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true"})
@ActiveProfiles("test")
class HistoryCleanupIT {

    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired TaskService taskService;
    @Autowired CityRegistrationService registration;
    @Autowired CityAccounts cityAccounts;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldKeepFullHistoryWithATimeToLiveOnEveryProcessAndDecisionAndCleanUpAtNight() {
        assertThat(engine.getHistory()).isEqualTo(ProcessEngineConfiguration.HISTORY_FULL);
        assertThat(engine.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(engine.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(engine.getHistoryRemovalTimeStrategy()).as("five years after the end, not after the start").isEqualTo("end");
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(repositoryService.createProcessDefinitionQuery().list())
                .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(1825));
        assertThat(repositoryService.createDecisionDefinitionQuery().list())
                .isNotEmpty().allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isEqualTo(180));
    }

    @Test
    void shouldDeleteAFinishedInstancesHistoryOnceItsTimeToLiveHasPassed() {
        // given a city registration, verified and so finished
        String officer = registration.register(registrationForm());
        Task verification = taskService.createTaskQuery()
                .processInstanceBusinessKey("CITY-" + cityAccounts.requireCityOf(officer).getId()).singleResult();
        String instanceId = verification.getProcessInstanceId();
        taskService.complete(verification.getId(), Map.of("cityVerification", "approve"));
        HistoricProcessInstance finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        assertThat(finished.getEndTime()).as("registration of %s finished", officer).isNotNull();

        // then Cockpit can show it for five years: its removal time is its end plus the time-to-live
        assertThat(finished.getRemovalTime()).isEqualTo(Date.from(finished.getEndTime().toInstant().plus(Duration.ofDays(1825))));

        // when the history cleanup runs one day before that, nothing of it is removed
        runHistoryCleanupAt(Date.from(finished.getRemovalTime().toInstant().minus(Duration.ofDays(1))));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isOne();

        // when it runs one day after
        runHistoryCleanupAt(Date.from(finished.getRemovalTime().toInstant().plus(Duration.ofDays(1))));

        // then the instance, its tasks and its variables are gone from history
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()).isZero();
    }

    private void runHistoryCleanupAt(Date when) {
        ClockUtil.setCurrentTime(when);
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        managementService.executeJob(cleanup.getId());
    }

    private static RegistrationForm registrationForm() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        RegistrationForm form = new RegistrationForm();
        form.setFirstName("Lerato");
        form.setLastName("Mokoena");
        form.setEmail("partnerships." + suffix + "@tshwane.example");
        form.setPassword("Tshwane-twinning-2027");
        form.setPasswordConfirmation("Tshwane-twinning-2027");
        form.setCityName("Tshwane " + suffix);
        form.setCountryCode("ZA");
        form.setRegion("Gauteng");
        form.setGovernmentType(LocalGovernmentType.MUNICIPALITY);
        form.setPopulation(4_040_315L);
        form.setWebsite("https://www.tshwane.gov.za");
        form.setLegalRepresentative("Executive Mayor");
        return form;
    }
}
