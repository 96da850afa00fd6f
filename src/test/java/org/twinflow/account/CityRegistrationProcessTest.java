package org.twinflow.account;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.twinflow.ProcessFixture;
import org.twinflow.system.ProcessDurations;

/** {@code city-registration}: the secretariat verifies or rejects a newly registered city. */
@Deployment(resources = {"processes/city-registration.bpmn", "forms/verify-city.form"})
class CityRegistrationProcessTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().configurationResource("process-test.cfg.xml").build();

    static final long CITY = 3L;

    ProcessEngine processEngine;
    CityRegistrationService registrations = mock(CityRegistrationService.class);

    @BeforeEach
    void setUp() {
        init(processEngine);
        Mocks.register("processDurations", new ProcessDurations(ProcessFixture.TIMINGS));
        Mocks.register("cityVerificationTaskListener", new CityVerificationTaskListener(registrations));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void shouldVerifyACity() {
        // given a registered city
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt("Task_VerifyCity");
        assertThat(task()).hasCandidateGroup("secretariat").hasFormKey(null);

        // when the secretariat approves it
        complete(task(), withVariables(CityVerificationTaskListener.CITY_VERIFICATION, "approve"));

        // then the city is verified
        assertThat(instance).hasPassed("EndEvent_CityVerified").isEnded();
        verify(registrations).recordVerification(CITY, true, null);
    }

    @Test
    void shouldRejectACityWithAReasonOnly() {
        // given a registered city
        ProcessInstance instance = start();
        String taskId = task(instance).getId();

        // when the secretariat rejects it without a reason, then that is refused
        assertThatThrownBy(() -> taskService().complete(taskId,
                withVariables(CityVerificationTaskListener.CITY_VERIFICATION, "reject")))
                .hasMessageContaining("verificationNote is required");
        verify(registrations, never()).recordVerification(anyLong(), anyBoolean(), any());

        // when it rejects it with a reason
        complete(task(instance), withVariables(CityVerificationTaskListener.CITY_VERIFICATION, "reject",
                CityVerificationTaskListener.VERIFICATION_NOTE, "No local government of this name exists in the country."));

        // then the city is rejected with that reason
        assertThat(instance).hasPassed("EndEvent_CityRejected").isEnded();
        verify(registrations).recordVerification(CITY, false, "No local government of this name exists in the country.");
    }

    private ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(CityRegistrationService.PROCESS_KEY, "CITY-" + CITY,
                withVariables(CityRegistrationService.CITY_ID, CITY));
    }
}
