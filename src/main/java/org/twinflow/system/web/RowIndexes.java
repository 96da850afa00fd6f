package org.twinflow.system.web;

import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartRequest;

/** The row indices a request names in its field names ({@code partners[3].cityName}), checked against what forms have. */
final class RowIndexes {

    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)]");

    private RowIndexes() {
    }

    /**
     * The first field name, of the fields and the files sent, with an index that is not a whole number from 0 to
     * {@code rows - 1}; null when there is none.
     */
    static String firstOutside(WebRequest request, int rows) {
        String field = firstOutside(request.getParameterNames(), rows);
        MultipartRequest multipart = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(MultipartRequest.class) : null;
        if (field == null && multipart != null) {
            field = firstOutside(multipart.getFileNames(), rows);
        }
        return field;
    }

    static String firstOutside(Iterator<String> names, int rows) {
        while (names.hasNext()) {
            String name = names.next();
            Matcher index = INDEX.matcher(name);
            while (index.find()) {
                if (!index.group(1).matches("\\d{1,9}") || Integer.parseInt(index.group(1)) >= rows) {
                    return name;
                }
            }
        }
        return null;
    }
}
