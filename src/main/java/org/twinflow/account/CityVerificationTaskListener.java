package org.twinflow.account;


import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.TaskInput;

/** {@code Task_VerifyCity}: approve, or reject with a reason the city officer sees in the portal. */
@Component
class CityVerificationTaskListener implements TaskListener {

    static final String CITY_VERIFICATION = "cityVerification";
    static final String VERIFICATION_NOTE = "verificationNote";

    private final CityRegistrationService registrations;

    CityVerificationTaskListener(CityRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean approved = TaskInput.requiredChoice(task, CITY_VERIFICATION, CityVerification.class) == CityVerification.APPROVE;
        String note = approved ? TaskInput.optionalText(task, VERIFICATION_NOTE) : TaskInput.requiredText(task, VERIFICATION_NOTE);
        registrations.recordVerification(((Number) task.getVariable(CityRegistrationService.CITY_ID)).longValue(), approved, note);
    }
}
