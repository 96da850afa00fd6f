package org.twinflow.notification;

import java.util.List;

/**
 * What a notice's mail says beyond the proposal itself, supplied by the stage the notice is about
 * ({@link NoticeDetailsSource}); every part is null (or empty) when the notice has none. Dates are formatted.
 */
public record NoticeDetails(String question, String deadline, List<String> reasonKeys, String feedback, String conditions,
        String overallScore) {

    public static final NoticeDetails NONE = new NoticeDetails(null, null, List.of(), null, null, null);

    public NoticeDetails {
        reasonKeys = reasonKeys == null ? List.of() : List.copyOf(reasonKeys);
    }

    public static NoticeDetails deadline(String deadline) {
        return new NoticeDetails(null, deadline, List.of(), null, null, null);
    }
}
