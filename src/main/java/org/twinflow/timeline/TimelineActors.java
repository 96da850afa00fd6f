package org.twinflow.timeline;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.twinflow.city.City;
import org.twinflow.city.CityRepository;
import org.twinflow.system.StaffGroups;

/**
 * Who the actor of a timeline entry (or of a clarification, an upload) is: Twinflow itself, a staff member,
 * a city officer, or an id nobody answers to any more. Staff and officers are Camunda users; an officer's
 * account may also be only linked to a city. Looked up once per page for all ids on it.
 */
@Component
public class TimelineActors {

    /** The actor of what Twinflow does by itself: status moves, notices, timers, planned reports. */
    public static final String SYSTEM = "twinflow";
    /**
     * Actors written before there was a name for every step, or by steps without a person: a task completed
     * with no one signed in and no assignee (demo data, tests) was recorded as "unknown".
     */
    private static final Set<String> SYSTEM_ALIASES = Set.of(SYSTEM, "unknown", "system");
    /** Staff bodies recorded instead of a person: a Tasklist comment without a user is the secretariat's (TaskComments). */
    private static final Set<String> ROLES = Set.of(StaffGroups.SECRETARIAT, StaffGroups.COMMITTEE);

    /** What kind of actor an id stands for. */
    public enum Kind { SYSTEM, STAFF, CITY_OFFICER, UNKNOWN }

    /**
     * One actor: its name when known ("Sofia Reyes"), its city for an officer, its staff groups for staff.
     * A group id alone (Tasklist comments without a user are recorded as "secretariat") is staff without a name.
     */
    public record Actor(String id, Kind kind, String name, String cityName, Set<String> groups) {

        public boolean inGroup(String group) {
            return groups.contains(group) || group.equals(id);
        }
    }

    private final IdentityService identityService;
    private final CityRepository cities;

    TimelineActors(IdentityService identityService, CityRepository cities) {
        this.identityService = identityService;
        this.cities = cities;
    }

    /** The actors behind these ids (null and blank stand for Twinflow), each looked up once. */
    @Transactional(readOnly = true)
    public Map<String, Actor> lookUp(Collection<String> ids) {
        Map<String, Actor> actors = new HashMap<>();
        Set<String> people = new LinkedHashSet<>();
        for (String id : ids) {
            if (isSystem(id) || ROLES.contains(id)) {
                actors.put(id == null ? "" : id, withoutLookUp(id));
            } else {
                people.add(id);
            }
        }
        if (!people.isEmpty()) {
            for (User user : identityService.createUserQuery().userIdIn(people.toArray(String[]::new)).list()) {
                Set<String> groups = identityService.createGroupQuery().groupMember(user.getId()).list().stream().map(Group::getId)
                        .collect(Collectors.toSet());
                boolean officer = groups.contains(StaffGroups.CITIES);
                String city = officer ? cities.findByOfficer(user.getId()).map(City::getName).orElse(null) : null;
                actors.put(user.getId(), new Actor(user.getId(), officer ? Kind.CITY_OFFICER : Kind.STAFF, fullName(user), city, groups));
            }
            for (String id : people) {
                actors.computeIfAbsent(id, unknown -> cities.findByOfficer(unknown)
                        .map(city -> new Actor(unknown, Kind.CITY_OFFICER, null, city.getName(), Set.of()))
                        .orElseGet(() -> new Actor(unknown, Kind.UNKNOWN, null, null, Set.of())));
            }
        }
        return actors;
    }

    /** The actor of one id from a {@link #lookUp} result. */
    public static Actor of(Map<String, Actor> actors, String id) {
        Actor actor = actors.get(id == null ? "" : id);
        return actor != null ? actor : withoutLookUp(id);
    }

    /** Twinflow, a staff body named by its group, or somebody only a look-up could tell. */
    private static Actor withoutLookUp(String id) {
        if (isSystem(id)) {
            return new Actor(id, Kind.SYSTEM, null, null, Set.of());
        }
        return ROLES.contains(id) ? new Actor(id, Kind.STAFF, null, null, Set.of(id)) : new Actor(id, Kind.UNKNOWN, null, null, Set.of());
    }

    static boolean isSystem(String id) {
        return id == null || id.isBlank() || SYSTEM_ALIASES.contains(id);
    }

    private static String fullName(User user) {
        String name = (Objects.toString(user.getFirstName(), "") + " " + Objects.toString(user.getLastName(), "")).strip();
        return name.isEmpty() ? null : name;
    }
}
