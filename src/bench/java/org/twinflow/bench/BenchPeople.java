package org.twinflow.bench;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.twinflow.TestUsers;
import org.twinflow.account.CityAccounts;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.city.LocalGovernmentType;
import org.twinflow.system.StaffGroups;

/**
 * The people of a run: verified cities with one officer each (the submitting "cities"), and staff: secretariat
 * officers, committee members, and reviewers in pairs (a proposal's two reviewers belong to one staff thread, so
 * that parallel staff never work on the same proposal at once).
 */
final class BenchPeople {

    static final String PASSWORD = "Bench-Pass-" + Long.toHexString(System.nanoTime());

    final List<Officer> officers = new ArrayList<>();
    final List<String> secretariat = new ArrayList<>();
    final List<String> reviewers = new ArrayList<>();
    final List<String> committee = new ArrayList<>();

    /** A city officer and the city's id. */
    record Officer(String userId, long cityId) {
    }

    static BenchPeople create(TwinflowUnderTest app, int cities, int staffPerRole) {
        BenchPeople people = new BenchPeople();
        IdentityService identity = app.engine().getIdentityService();
        CityRepository cityRepository = app.bean(CityRepository.class);
        CityAccounts accounts = app.bean(CityAccounts.class);
        Clock clock = app.bean(Clock.class);
        for (int n = 1; n <= cities; n++) {
            City city = cityRepository.save(new City("Bench City " + n, "ID", "Central Java", LocalGovernmentType.MUNICIPALITY,
                    500_000L + n, "Officer " + n, "officer" + n + "@benchcity.example", clock.instant()).verifiedBySecretariat(clock.instant()));
            String officer = "benchcity" + n;
            TestUsers.ensure(identity, officer, "Officer", "Number " + n, officer + "@benchcity.example", PASSWORD, StaffGroups.CITIES);
            accounts.link(officer, city.getId());
            people.officers.add(new Officer(officer, city.getId()));
        }
        for (int n = 1; n <= staffPerRole; n++) {
            people.secretariat.add(TestUsers.ensure(identity, "benchsecretariat" + n, "Sekar", "Officer " + n,
                    "secretariat" + n + "@staff.example", PASSWORD, StaffGroups.SECRETARIAT));
            people.committee.add(TestUsers.ensure(identity, "benchcommittee" + n, "Kofi", "Member " + n,
                    "committee" + n + "@staff.example", PASSWORD, StaffGroups.COMMITTEE));
            for (int pair = 0; pair < 2; pair++) {
                int number = 2 * (n - 1) + pair + 1;
                people.reviewers.add(TestUsers.ensure(identity, "benchreviewer" + number, "Amara", "Reviewer " + number,
                        "reviewer" + number + "@staff.example", PASSWORD, StaffGroups.REVIEWERS));
            }
        }
        return people;
    }

    /** The two reviewers of staff thread {@code thread}. */
    List<String> reviewerPair(int thread) {
        return reviewers.subList(2 * thread, 2 * thread + 2);
    }
}
