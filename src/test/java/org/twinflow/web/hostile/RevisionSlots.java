package org.twinflow.web.hostile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.twinflow.proposal.Proposal;
import org.twinflow.web.hostile.HostileInputs.Entry;
import org.twinflow.web.hostile.TextField.Verdict;

/**
 * A revision is taken once: the entries that are stored go into one revision, each into a text field of its own among
 * the form's 63 (summary, objectives, activities, 15 partner cities, 15 expected results of three fields each; the title
 * is fixed once submitted).
 */
final class RevisionSlots {

    static final int ROWS = 15;
    private static final List<TextField> SLOTS = slots();

    private RevisionSlots() {
    }

    /** Each entry stored in some field, in the first free field that takes it whole. */
    static Map<TextField, Entry> pack(List<Entry> entries) {
        Map<TextField, Entry> packed = new LinkedHashMap<>();
        for (Entry entry : entries) {
            SLOTS.stream().filter(slot -> !packed.containsKey(slot) && slot.verdict(entry) == Verdict.STORED).findFirst()
                    .ifPresent(slot -> packed.put(slot, entry));
        }
        return packed;
    }

    /** The complete form with every row the slots need, and each entry in its slot. */
    static FormBody fill(FormBody complete, Map<TextField, Entry> packed) {
        for (int row = 2; row < ROWS; row++) {
            String partner = "partners[" + row + "].";
            complete.set(partner + "cityName", "Partner " + row).set(partner + "countryCode", "JP").set(partner + "role", "PARTNER")
                    .set(partner + "contactEmail", "partner" + row + "@city.example");
        }
        for (int row = 1; row < ROWS; row++) {
            String result = "expectedResults[" + row + "].";
            complete.set(result + "result", "Result " + row).set(result + "indicator", "Indicator").set(result + "target", "1");
        }
        packed.forEach((slot, entry) -> complete.setBytes(slot.name(), slot.bytesOf(entry)));
        return complete;
    }

    static String stored(Proposal proposal, TextField slot) {
        String name = slot.name();
        if (name.startsWith("partners[")) {
            return proposal.getPartners().get(row(name)).cityName();
        }
        if (name.startsWith("expectedResults[")) {
            var result = proposal.getExpectedResults().get(row(name));
            return name.endsWith(".result") ? result.result() : name.endsWith(".indicator") ? result.indicator() : result.target();
        }
        return switch (name) {
            case "summary" -> proposal.getSummary();
            case "objectives" -> proposal.getObjectives();
            default -> proposal.getActivities();
        };
    }

    private static int row(String name) {
        return Integer.parseInt(name.substring(name.indexOf('[') + 1, name.indexOf(']')));
    }

    private static List<TextField> slots() {
        List<TextField> slots = new ArrayList<>(List.of(TextField.required("summary", 2000),
                TextField.required("objectives", 5000), TextField.required("activities", 5000)));
        for (int row = 0; row < ROWS; row++) {
            slots.add(TextField.required("partners[" + row + "].cityName", 200));
        }
        for (int row = 0; row < ROWS; row++) {
            slots.add(TextField.required("expectedResults[" + row + "].result", 500));
            slots.add(TextField.required("expectedResults[" + row + "].indicator", 300));
            slots.add(TextField.required("expectedResults[" + row + "].target", 100));
        }
        return List.copyOf(slots);
    }
}
