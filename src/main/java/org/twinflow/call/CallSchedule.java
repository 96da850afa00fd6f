package org.twinflow.call;

import java.time.Period;
import java.util.Date;

import org.springframework.stereotype.Component;
import org.twinflow.system.CallProperties;

/** The dates of {@code call-for-proposals}' timers. */
@Component("callSchedule")
public class CallSchedule {

    private final CallProperties settings;

    public CallSchedule(CallProperties settings) {
        this.settings = settings;
    }

    /** The reminder {@code before} (an ISO period, P7D) the deadline; one already past fires at once. */
    public Date reminderAt(Date closesAt, String before) {
        return Date.from(closesAt.toInstant().minus(Period.parse(before)));
    }

    /** How often a competitive call waiting for its last reviews looks again by itself (ISO duration). */
    public String reviewCheckInterval() {
        return settings.reviewCheckInterval().toString();
    }
}
