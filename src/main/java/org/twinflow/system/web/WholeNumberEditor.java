package org.twinflow.system.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.util.StringUtils;

/**
 * A whole number as people write it: digits (of any script), a sign, spaces between digit groups. Spring's own
 * conversion reads {@code 0x1F} and {@code #10} as hexadecimal, so a count typed as "#10" was stored as 16; here they
 * are refused ({@code typeMismatch} at the field), as they are in the amounts.
 */
final class WholeNumberEditor extends PropertyEditorSupport {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\p{Nd}+");

    private final Function<String, ? extends Number> parse;

    /** @param parse {@code Integer::valueOf} or {@code Long::valueOf}: a number beyond the type is refused too */
    WholeNumberEditor(Function<String, ? extends Number> parse) {
        this.parse = parse;
    }

    @Override
    public void setAsText(String text) {
        String digits = text == null ? "" : StringUtils.trimAllWhitespace(text);
        if (digits.isEmpty()) {
            setValue(null);
        } else if (DECIMAL.matcher(digits).matches()) {
            setValue(parse.apply(digits));
        } else {
            throw new IllegalArgumentException("Not a whole number in decimal digits: " + text);
        }
    }

    @Override
    public String getAsText() {
        Object value = getValue();
        return value == null ? "" : value.toString();
    }
}
