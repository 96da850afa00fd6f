package org.twinflow.account;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;

/**
 * The city a signed-in officer acts for. Portal controllers use it to keep every city to its own
 * proposals: the signed-in user id (Spring's principal name) is the key.
 */
@Service
public class CityAccounts {

    private final CityAccountRepository accounts;
    private final CityRepository cities;
    private final Clock clock;

    CityAccounts(CityAccountRepository accounts, CityRepository cities, Clock clock) {
        this.accounts = accounts;
        this.cities = cities;
        this.clock = clock;
    }

    /** The officer's city, or empty for staff and unknown users. */
    @Transactional(readOnly = true)
    public Optional<City> cityOf(String userId) {
        return cities.findByOfficer(userId);
    }

    /** The officer's city; a signed-in city account without a city is a configuration error. */
    @Transactional(readOnly = true)
    public City requireCityOf(String userId) {
        return cityOf(userId).orElseThrow(() -> new IllegalStateException("User " + userId + " acts for no city"));
    }

    /** Links an existing Camunda user, signing in with this e-mail address, to a city (registration, demo data, tests). */
    @Transactional
    public void link(String userId, Long cityId, String email) {
        if (accounts.findById(userId).isEmpty()) {
            accounts.save(new CityAccount(userId, cityId, email.toLowerCase(java.util.Locale.ROOT), clock.instant()));
        }
    }

    /** Links a user whose e-mail is not used to sign in (tests): the user id stands in for it. */
    @Transactional
    public void link(String userId, Long cityId) {
        link(userId, cityId, userId + "@accounts.twinflow.invalid");
    }

    public boolean isEmailTaken(String email) {
        return accounts.existsByEmail(email.toLowerCase(java.util.Locale.ROOT));
    }
}
