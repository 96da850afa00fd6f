package org.twinflow.account;

import org.twinflow.city.Countries;
import static org.twinflow.process.JsonVariables.json;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.system.StaffGroups;

/**
 * Registers a city with its first officer, and records the secretariat's verification. Registration
 * stores the city, creates the officer's Camunda user in the {@code cities} group and starts the
 * {@code city-registration} process, all in one transaction.
 */
@Service
public class CityRegistrationService {

    public static final String PROCESS_KEY = "city-registration";
    static final String CITY_ID = "cityId";
    static final String CITY = "city";
    private static final Logger log = LoggerFactory.getLogger(CityRegistrationService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CityRepository cities;
    private final CityAccounts accounts;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final Clock clock;

    CityRegistrationService(CityRepository cities, CityAccounts accounts, IdentityService identityService,
            RuntimeService runtimeService, Clock clock) {
        this.cities = cities;
        this.accounts = accounts;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * @return the new officer's user id
     * @throws EmailTakenException when an account (a city's or staff) already uses the e-mail address
     */
    @Transactional
    public String register(RegistrationForm form) {
        String email = form.getEmail().strip().toLowerCase(Locale.ROOT);
        if (accounts.isEmailTaken(email) || identityService.createUserQuery().userEmail(email).count() > 0) {
            throw new EmailTakenException();
        }
        City city = new City(form.getCityName().strip(), form.getCountryCode(), blankToNull(form.getRegion()), form.getGovernmentType(),
                form.getPopulation(), (form.getFirstName().strip() + " " + form.getLastName().strip()), email, clock.instant());
        city.setWebsite(blankToNull(form.getWebsite()));
        city.setContactPhone(blankToNull(form.getContactPhone()));
        city.setLegalRepresentative(form.getLegalRepresentative().strip());
        city = cities.save(city);

        String userId = newUserId(city.getId());
        User user = identityService.newUser(userId);
        user.setFirstName(form.getFirstName().strip());
        user.setLastName(form.getLastName().strip());
        user.setEmail(email);
        user.setPassword(form.getPassword());
        identityService.saveUser(user);
        identityService.createMembership(userId, StaffGroups.CITIES);
        try {
            accounts.link(userId, city.getId(), email);
        } catch (DuplicateKeyException concurrentRegistration) {
            throw new EmailTakenException();
        }
        runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey("CITY-" + city.getId())
                .setVariable(CITY_ID, city.getId())
                .setVariable(CITY, json(snapshot(city, form)))
                .execute();
        log.info("City {} ({}) registered by {}; waiting for verification", city.getId(), city.getCountryCode(), userId);
        return userId;
    }

    /** The secretariat's verification, from {@code Task_VerifyCity}. */
    @Transactional
    public void recordVerification(Long cityId, boolean verified, String note) {
        City city = cities.findById(cityId).orElseThrow(() -> new IllegalArgumentException("No city with id " + cityId));
        city.recordVerification(verified, note, clock.instant());
        cities.save(city);
    }

    private String newUserId(Long cityId) {
        String candidate = "city" + cityId;
        while (identityService.createUserQuery().userId(candidate).count() > 0) {
            candidate = "city" + cityId + "x" + RANDOM.nextInt(1_000_000);
        }
        return candidate;
    }

    private static Map<String, Object> snapshot(City city, RegistrationForm form) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", city.getName());
        map.put("country", Countries.englishName(city.getCountryCode()));
        map.put("region", city.getRegion());
        map.put("governmentType", city.getGovernmentType().name());
        map.put("population", city.getPopulation());
        map.put("website", city.getWebsite());
        map.put("legalRepresentative", city.getLegalRepresentative());
        map.put("officerName", city.getContactName());
        map.put("officerEmail", city.getContactEmail());
        map.put("contactPhone", city.getContactPhone());
        return map;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
