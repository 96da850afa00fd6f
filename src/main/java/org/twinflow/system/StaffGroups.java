package org.twinflow.system;

/** The Camunda groups Twinflow relies on (DESIGN.md). */
public final class StaffGroups {

    public static final String SECRETARIAT = "secretariat";
    public static final String REVIEWERS = "reviewers";
    public static final String COMMITTEE = "committee";
    public static final String ADMINS = "camunda-admin";
    /** City accounts: not staff; no Tasklist, Cockpit or Admin access, and the REST API shows them nothing. */
    public static final String CITIES = "cities";

    private StaffGroups() {
    }
}
