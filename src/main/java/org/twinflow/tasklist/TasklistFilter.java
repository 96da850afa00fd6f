package org.twinflow.tasklist;

import java.util.List;

/** One shared Tasklist filter: its name, who sees it, and the tasks it shows. */
record TasklistFilter(String name, String description, int priority, List<String> groups, List<String> taskKeys,
        boolean assignedToCurrentUser, boolean overdueOnly) {
}
