package org.twinflow.web.hostile;

import org.twinflow.web.hostile.HostileInputs.Entry;

/**
 * A text field of a form as the corpus meets it: its request parameter, its maximum length (as Bean Validation counts,
 * in UTF-16 units), whether it must be filled in, and whether it takes a code (a country, an e-mail address, a choice)
 * rather than free text. What the portal must do with an entry follows from these.
 */
record TextField(String name, int maxLength, boolean required, boolean coded) {

    /** What must happen to an entry sent in a field. */
    enum Verdict {
        /** Stored and shown exactly as sent. */
        STORED,
        /** An optional field left blank: stored empty. */
        EMPTY,
        /** Refused: the field must be filled in. */
        REQUIRED,
        /** Refused: longer than the field takes. */
        TOO_LONG,
        /** Refused: characters the portal does not accept. */
        NOT_ACCEPTED,
        /** Refused: not a code the field takes. */
        NOT_A_CODE;

        boolean refused() {
            return this != STORED && this != EMPTY;
        }
    }

    static TextField required(String name, int maxLength) {
        return new TextField(name, maxLength, true, false);
    }

    static TextField optional(String name, int maxLength) {
        return new TextField(name, maxLength, false, false);
    }

    /** A field for a code: no text of the corpus is one. */
    static TextField coded(String name, boolean required) {
        return new TextField(name, 100, required, true);
    }

    Verdict verdict(Entry entry) {
        return switch (entry.kind()) {
            case REFUSED, BYTES -> Verdict.NOT_ACCEPTED;
            case BLANK -> required ? Verdict.REQUIRED : Verdict.EMPTY;
            case TEXT, AT_LIMIT, OVER_LIMIT -> coded ? Verdict.NOT_A_CODE
                    : valueOf(entry).length() > maxLength ? Verdict.TOO_LONG : Verdict.STORED;
            default -> throw new IllegalArgumentException(entry + " is not text (" + entry.kind() + ")");
        };
    }

    /** The text sent for the entry in this field. */
    String valueOf(Entry entry) {
        return entry.valueFor(maxLength);
    }

    byte[] bytesOf(Entry entry) {
        return entry.bytesFor(maxLength);
    }

    /** The id the page gives the field, and its error summary links to: the name without brackets. */
    String pageId() {
        return name.replace("[", "").replace("]", "");
    }
}
