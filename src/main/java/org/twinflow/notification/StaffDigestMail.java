package org.twinflow.notification;

import java.util.List;

/** A digest of the tasks waiting for one staff member, for {@code templates/mail/staff-digest.html} and {@code .txt}. */
public record StaffDigestMail(String to, String recipientName, List<Item> tasks, String tasklistLink) {

    public StaffDigestMail {
        tasks = List.copyOf(tasks);
    }

    /** One waiting task: its name (with the proposal's reference and title), business key, due date (formatted) and link. */
    public record Item(String name, String reference, String due, String link) {
    }
}
