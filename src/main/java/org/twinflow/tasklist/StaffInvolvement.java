package org.twinflow.tasklist;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/**
 * Whether a staff member works or worked on a proposal in Tasklist: as assignee or involved user of a task of
 * the proposal's process instances (business key = reference), now or in the past, or as a candidate of an open one.
 */
@Service
public class StaffInvolvement {

    private final TaskService taskService;
    private final HistoryService historyService;

    StaffInvolvement(TaskService taskService, HistoryService historyService) {
        this.taskService = taskService;
        this.historyService = historyService;
    }

    public boolean hasOrHadTask(String userId, String reference) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).taskAssignee(userId).count() > 0
                || historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).taskInvolvedUser(userId).count() > 0
                || taskService.createTaskQuery().processInstanceBusinessKey(reference).taskCandidateUser(userId).count() > 0;
    }
}
