package org.twinflow.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.twinflow.process.CallProcess;
import org.twinflow.process.ProposalProcess.Elements;
import org.twinflow.system.GroupGrants;
import org.twinflow.system.StaffGroups;

/**
 * The shared Tasklist filters of the secretariat, reviewers and committee, created or brought up to
 * date at every start (matched by name, so a restart never duplicates them), each readable only by
 * the groups that work with it. Sorted by due date; the columns show reference, title and lead city.
 */
@Component
public class TasklistFilters {

    public static final String SCREENING = "Screening";
    public static final String ASSIGN_REVIEWERS = "Assign reviewers";
    public static final String MY_REVIEWS = "My reviews";
    public static final String DECISIONS = "Decisions";
    public static final String AGREEMENTS_AND_REPORTS = "Agreements and reports";
    public static final String OVERDUE = "Overdue";

    static final List<TasklistFilter> FILTERS = List.of(
            new TasklistFilter(SCREENING, "Proposals and city registrations to check", -10, List.of(StaffGroups.SECRETARIAT),
                    List.of(Elements.TASK_SCREEN_PROPOSAL, "Task_VerifyCity"), false, false),
            new TasklistFilter(ASSIGN_REVIEWERS, "Proposals that need reviewers, a replacement reviewer or a decision on an overdue review",
                    -9, List.of(StaffGroups.SECRETARIAT),
                    List.of(Elements.TASK_ASSIGN_REVIEWERS, Elements.TASK_ASSIGN_REPLACEMENT_REVIEWER, Elements.TASK_HANDLE_OVERDUE_REVIEW),
                    false, false),
            new TasklistFilter(MY_REVIEWS, "Your conflict-of-interest declarations and reviews", -8, List.of(StaffGroups.REVIEWERS),
                    List.of(Elements.TASK_DECLARE_CONFLICT_OF_INTEREST, Elements.TASK_SCORE_PROPOSAL), true, false),
            new TasklistFilter(DECISIONS, "Proposals and calls waiting for the committee's decision", -7, List.of(StaffGroups.COMMITTEE),
                    List.of(Elements.TASK_DECIDE_ON_PROPOSAL, CallProcess.Elements.TASK_FUND_PROPOSALS,
                            CallProcess.Elements.TASK_APPROVE_RESERVE_PROPOSAL), false, false),
            new TasklistFilter(AGREEMENTS_AND_REPORTS, "Signed agreements and reports to check, and overdue ones to follow up", -6,
                    List.of(StaffGroups.SECRETARIAT),
                    List.of(Elements.TASK_VERIFY_AGREEMENT, Elements.TASK_HANDLE_OVERDUE_AGREEMENT, Elements.TASK_REVIEW_PROGRESS_REPORT,
                            Elements.TASK_FOLLOW_UP_OVERDUE_PROGRESS_REPORT, Elements.TASK_EVALUATE_FINAL_REPORT,
                            Elements.TASK_FOLLOW_UP_OVERDUE_FINAL_REPORT),
                    false, false),
            new TasklistFilter(OVERDUE, "Tasks past their due date", -5,
                    List.of(StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE), List.of(), false, true));

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filterService;
    private final TaskService taskService;
    private final GroupGrants grants;

    TasklistFilters(FilterService filterService, TaskService taskService, GroupGrants grants) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.grants = grants;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void createOrUpdate() {
        for (TasklistFilter definition : FILTERS) {
            List<Filter> existing = filterService.createTaskFilterQuery().filterName(definition.name()).list();
            Filter filter = existing.isEmpty() ? filterService.newTaskFilter(definition.name()) : existing.get(0);
            filter.setQuery(query(definition));
            filter.setProperties(properties(definition));
            filter = filterService.saveFilter(filter);
            for (String group : definition.groups()) {
                grants.grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
        }
        log.info("Tasklist filters in place: {}", FILTERS.stream().map(TasklistFilter::name).toList());
    }

    private TaskQuery query(TasklistFilter definition) {
        TaskQuery query = taskService.createTaskQuery();
        if (!definition.taskKeys().isEmpty()) {
            query.taskDefinitionKeyIn(definition.taskKeys().toArray(String[]::new));
        }
        if (definition.assignedToCurrentUser()) {
            query.taskAssigneeExpression("${currentUser()}");
        }
        if (definition.overdueOnly()) {
            query.dueBeforeExpression("${now()}");
        }
        return query.orderByDueDate().asc();
    }

    private static Map<String, Object> properties(TasklistFilter definition) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", definition.description());
        properties.put("priority", definition.priority());
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", List.of(
                Map.of("name", "proposalReference", "label", "Reference"),
                Map.of("name", "proposalTitle", "label", "Title"),
                Map.of("name", "leadCity", "label", "Lead city")));
        return properties;
    }

}
