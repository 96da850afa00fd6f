package org.twinflow.city;

import java.text.Collator;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The ISO 3166-1 alpha-2 countries that cities and partners are in, with their names. */
public final class Countries {

    private static final Map<String, String> BY_ENGLISH_NAME = byEnglishNameOnce();

    private Countries() {
    }

    /** Code → English name, sorted by name: the options of every country select. */
    public static Map<String, String> byEnglishName() {
        return BY_ENGLISH_NAME;
    }

    public static boolean isKnown(String code) {
        return code != null && BY_ENGLISH_NAME.containsKey(code);
    }

    /** The English name, for texts that are not localised (process variables, mails' data); the code if unknown. */
    public static String englishName(String code) {
        return name(code, Locale.ENGLISH);
    }

    /** The name in the reader's language; the code itself if unknown, empty for none. */
    public static String name(String code, Locale locale) {
        if (code == null) {
            return "";
        }
        try {
            String name = new Locale.Builder().setRegion(code.strip()).build().getDisplayCountry(locale);
            return name.isBlank() ? code : name;
        } catch (IllformedLocaleException unknown) {
            return code;
        }
    }

    private static Map<String, String> byEnglishNameOnce() {
        Map<String, String> byName = new LinkedHashMap<>();
        Arrays.stream(Locale.getISOCountries())
                .sorted(Comparator.comparing(Countries::englishName, Collator.getInstance(Locale.ENGLISH)))
                .forEach(code -> byName.put(code, englishName(code)));
        return Collections.unmodifiableMap(byName);
    }
}
