package org.twinflow.browser;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.twinflow.account.CityAccounts;
import org.twinflow.account.CityRegistrationService;
import org.twinflow.account.RegistrationForm;
import org.twinflow.city.City;
import org.twinflow.city.LocalGovernmentType;

/** Cities that registered and whose accounts the secretariat verified: set-up of the browser journeys, not part of them. */
final class RegisteredCities {

    private RegisteredCities() {
    }

    /** A municipality's registration as its officer fills it in. */
    static RegistrationForm municipality(String officerFirstName, String officerLastName, String email, String password, String cityName,
            String countryCode, String region, long population, String website) {
        RegistrationForm form = new RegistrationForm();
        form.setFirstName(officerFirstName);
        form.setLastName(officerLastName);
        form.setEmail(email);
        form.setPassword(password);
        form.setPasswordConfirmation(password);
        form.setCityName(cityName);
        form.setCountryCode(countryCode);
        form.setRegion(region);
        form.setGovernmentType(LocalGovernmentType.MUNICIPALITY);
        form.setPopulation(population);
        form.setWebsite(website);
        form.setLegalRepresentative("Mayor of " + cityName);
        return form;
    }

    /** Registers the city and approves it as the secretariat does in Tasklist; returns the officer's user id. */
    static String verified(CityRegistrationService registration, CityAccounts cityAccounts, TaskService taskService, RegistrationForm form) {
        String officer = registration.register(form);
        City city = cityAccounts.requireCityOf(officer);
        Task verification = taskService.createTaskQuery().processInstanceBusinessKey("CITY-" + city.getId()).singleResult();
        taskService.complete(verification.getId(), Map.of("cityVerification", "approve"));
        return officer;
    }
}
