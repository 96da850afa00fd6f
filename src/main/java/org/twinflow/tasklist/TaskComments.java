package org.twinflow.tasklist;

import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.twinflow.process.ProposalProcess;
import org.twinflow.timeline.TimelineEvent;
import org.twinflow.timeline.TimelineService;

/**
 * Staff comment on tasks with Tasklist's own "Add comment". When a screening or decision task is
 * completed, its comments go to the proposal's timeline: those that begin with "For the applicant:"
 * are shown to the applicant (without the marker), all others stay internal.
 */
@Component
class TaskComments {

    static final String FOR_APPLICANT = "for the applicant:";
    private static final Set<String> SHARED_TASKS = Set.of(ProposalProcess.Elements.TASK_SCREEN_PROPOSAL,
            ProposalProcess.Elements.TASK_DECIDE_ON_PROPOSAL);

    private final TaskService taskService;
    private final TimelineService timeline;

    TaskComments(TaskService taskService, TimelineService timeline) {
        this.taskService = taskService;
        this.timeline = timeline;
    }

    @EventListener(condition = "#task.eventName == 'complete'")
    public void onComplete(DelegateTask task) {
        if (!SHARED_TASKS.contains(task.getTaskDefinitionKey())) {
            return;
        }
        Long proposalId = (Long) task.getVariable(ProposalProcess.Vars.PROPOSAL_ID);
        for (Comment comment : taskService.getTaskComments(task.getId())) {
            String text = comment.getFullMessage() == null ? "" : comment.getFullMessage().strip();
            String actor = comment.getUserId() == null ? "secretariat" : comment.getUserId();
            if (text.toLowerCase(Locale.ROOT).startsWith(FOR_APPLICANT)) {
                timeline.forApplicant(proposalId, actor, TimelineEvent.STAFF_COMMENT, text.substring(FOR_APPLICANT.length()).strip());
            } else if (!text.isEmpty()) {
                timeline.internal(proposalId, actor, TimelineEvent.STAFF_COMMENT, text);
            }
        }
    }
}
