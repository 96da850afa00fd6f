package org.twinflow.system.web;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.util.DetailedError;

/**
 * The errors of a form in the order a person reads the form, for the error summaries at the top of the
 * portal's forms ({@code ${@formErrors.inPageOrder(#fields.detailedErrors(), #object)}}).
 *
 * <p>Why: errors reach the binding result in no useful order. Bean Validation reports its violations as a
 * set, whose order changes from one request to the next; the cross-field rules come after it, conversion
 * errors before it, and refusals found while storing last. Sorted here, the summary lists what concerns the
 * whole form first, then each field from top to bottom (rows in row order), and, for a field with more than
 * one error, the plainest first ("required" before "too long").
 */
@Component("formErrors")
public class FormErrors {

    /** Codes of the rules about a field being filled in at all, whose message says most; the rest follow by name. */
    private static final List<String> FIRST_CODES = List.of("typeMismatch", "NotBlank", "NotNull", "NotEmpty", "AssertTrue");
    /** "Too many digits" says least: after "at most 999,999,999". */
    private static final List<String> LAST_CODES = List.of("Digits");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d*)]");

    /**
     * @param errors what {@code #fields.detailedErrors()} gives
     * @param form the form object; without a {@link PageOrder}, fields keep their order after the form's own errors
     */
    public List<DetailedError> inPageOrder(List<DetailedError> errors, Object form) {
        List<String> order = form instanceof PageOrder ordered ? ordered.fieldsInPageOrder() : List.of();
        Comparator<DetailedError> byPlace = Comparator.comparing(e -> place(e, order), FormErrors::compare);
        return errors.stream().sorted(byPlace.thenComparing(DetailedError::getCode, FormErrors::compareCodes)).toList();
    }

    /**
     * Which of several errors of one field says most: "required" before "too long", and "at most
     * 999,999,999" before "too many digits". Ties by code, so the same input always gives the same message.
     */
    public static int compareCodes(String a, String b) {
        int byRank = Integer.compare(codeRank(a), codeRank(b));
        return byRank != 0 ? byRank : String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static int codeRank(String code) {
        if (FIRST_CODES.contains(code)) {
            return FIRST_CODES.indexOf(code);
        }
        return LAST_CODES.contains(code) ? FIRST_CODES.size() + 2 : FIRST_CODES.size() + 1;
    }

    /** Where an error sits on the page: {form's own} before {field, row, field in the row}. */
    private static int[] place(DetailedError error, List<String> order) {
        if (error.isGlobal() || error.getFieldName() == null) {
            return new int[] {-1};
        }
        String field = error.getFieldName();
        Matcher index = INDEX.matcher(field);
        int row = -1;
        if (index.find() && !index.group(1).isEmpty()) {
            row = Integer.parseInt(index.group(1));
        }
        String path = INDEX.matcher(field).replaceAll("[]");
        int bracket = path.indexOf('[');
        String list = bracket < 0 ? path : path.substring(0, bracket);
        int listRank = rank(order, list);
        if (listRank == order.size() && bracket >= 0) {
            listRank = order.stream().filter(p -> p.startsWith(list + "[")).findFirst().map(order::indexOf).orElse(order.size());
        }
        return new int[] {listRank, row, rank(order, path)};
    }

    private static int rank(List<String> order, String path) {
        int rank = order.indexOf(path);
        return rank < 0 ? order.size() : rank;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
