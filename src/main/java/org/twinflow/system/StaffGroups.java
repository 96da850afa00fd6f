package org.twinflow.system;

/** The Camunda groups Twinflow relies on (DESIGN.md). */
public final class StaffGroups {

    public static final String SECRETARIAT = "secretariat";
    public static final String REVIEWERS = "reviewers";
    public static final String COMMITTEE = "committee";
    public static final String ADMINS = "camunda-admin";
    /** City accounts: not staff; no Tasklist, Cockpit or Admin access, and the REST API shows them nothing. */
    public static final String CITIES = "cities";

    /** Spring Security authorities of signed-in users are their Camunda groups with this prefix. */
    public static final String AUTHORITY_PREFIX = "GROUP_";

    private StaffGroups() {
    }

    public static String authority(String group) {
        return AUTHORITY_PREFIX + group;
    }
}
