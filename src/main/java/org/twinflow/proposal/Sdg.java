package org.twinflow.proposal;

import java.util.List;

/** The 17 Sustainable Development Goals, numbered 1 to 17. */
public final class Sdg {

    private static final List<String> NAMES = List.of(
            "No poverty", "Zero hunger", "Good health and well-being", "Quality education", "Gender equality",
            "Clean water and sanitation", "Affordable and clean energy", "Decent work and economic growth",
            "Industry, innovation and infrastructure", "Reduced inequalities", "Sustainable cities and communities",
            "Responsible consumption and production", "Climate action", "Life below water", "Life on land",
            "Peace, justice and strong institutions", "Partnerships for the goals");

    public static final int FIRST = 1;
    public static final int LAST = 17;

    private Sdg() {
    }

    public static boolean isValid(int number) {
        return number >= FIRST && number <= LAST;
    }

    public static String name(int number) {
        if (!isValid(number)) {
            throw new IllegalArgumentException("There is no SDG " + number + "; SDGs are numbered 1 to 17");
        }
        return NAMES.get(number - 1);
    }

    /** "SDG 11 – Sustainable cities and communities". */
    public static String label(int number) {
        return "SDG " + number + " – " + name(number);
    }
}
