package org.twinflow.web.hostile;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.web.PortalClient;
import org.twinflow.web.hostile.HostileInputs.Entry;
import org.twinflow.web.hostile.HostileInputs.Kind;

/**
 * The registration of a city and its officer; every registration taken is a new city with a new address. The
 * officer's names go into Camunda's user table: where that holds only 3-byte UTF-8 (MySQL, until its engine tables
 * are utf8mb4), text beyond the Basic Multilingual Plane is not sent there ({@link #skippedForEngineTables()}).
 */
class RegistrationTarget extends FormTarget {

    static final String PASSWORD = "Iloilo-River-2027";
    private static final List<String> OFFICER_NAMES = List.of("firstName", "lastName");

    private final Supplier<PortalClient> newBrowser;
    private final JdbcTemplate jdbc;
    private final CityRepository cities;
    private final IdentityService identity;
    private final boolean engineStoresFullUnicode;
    private final List<String> skipped = new ArrayList<>();
    private String email;

    RegistrationTarget(Supplier<PortalClient> newBrowser, JdbcTemplate jdbc, CityRepository cities, IdentityService identity,
            boolean engineStoresFullUnicode) {
        super(newBrowser.get());
        this.newBrowser = newBrowser;
        this.jdbc = jdbc;
        this.cities = cities;
        this.identity = identity;
        this.engineStoresFullUnicode = engineStoresFullUnicode;
    }

    @Override
    String name() {
        return "registration";
    }

    @Override
    String path() {
        return "/register";
    }

    @Override
    String pagePath() {
        return "/register";
    }

    @Override
    boolean multipart() {
        return false;
    }

    @Override
    FormBody valid() {
        email = "officer." + UUID.randomUUID().toString().substring(0, 8) + "@iloilocity.example";
        return hiddenFields().set("firstName", "Maria").set("lastName", "Santos").set("email", email)
                .set("password", PASSWORD).set("passwordConfirmation", PASSWORD).set("cityName", "Iloilo City")
                .set("countryCode", "PH")
                .set("region", "Western Visayas").set("governmentType", "MUNICIPALITY").set("population", "457626")
                .set("website", "https://iloilocity.gov.ph").set("legalRepresentative", "City Mayor")
                .set("contactPhone", "+63 33 337 3061");
    }

    @Override
    List<TextField> texts(Entry entry) {
        List<TextField> fields = new ArrayList<>(List.of(TextField.required("firstName", 100), TextField.required("lastName", 100),
                TextField.required("cityName", 200), TextField.optional("region", 200), TextField.required("legalRepresentative", 200)));
        if (entry.kind() != Kind.BLANK) {
            fields.addAll(List.of(TextField.coded("email", true), TextField.coded("countryCode", true),
                    TextField.coded("governmentType", true), TextField.coded("website", false), TextField.coded("contactPhone", false)));
        }
        boolean stored = entry.kind() == Kind.TEXT || entry.kind() == Kind.AT_LIMIT;
        if (!engineStoresFullUnicode && stored && entry.beyondBmp() && fields.removeIf(f -> OFFICER_NAMES.contains(f.name()))) {
            skipped.add(entry.name());
        }
        return fields;
    }

    /** The entries not sent to the officer's names because Camunda's tables cannot hold them yet. */
    List<String> skippedForEngineTables() {
        return skipped;
    }

    @Override
    Map<String, String> stored(HttpResponse<String> accepted) {
        Long cityId = jdbc.queryForObject("SELECT city_id FROM city_account WHERE email = ?", Long.class, email);
        City city = cities.findById(cityId).orElseThrow();
        User officer = identity.createUserQuery().userEmail(email).singleResult();
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("firstName", officer.getFirstName());
        stored.put("lastName", officer.getLastName());
        stored.put("cityName", city.getName());
        stored.put("region", city.getRegion());
        stored.put("legalRepresentative", city.getLegalRepresentative());
        return stored;
    }

    /** The new officer signs in; "My proposals" names the city. */
    @Override
    String shown(HttpResponse<String> accepted) {
        return newBrowser.get().signIn(email, PASSWORD).get("/proposals").body();
    }

    @Override
    boolean shows(String field) {
        return field.equals("cityName");
    }

    @Override
    List<String> numberFields() {
        return List.of("population");
    }
}
