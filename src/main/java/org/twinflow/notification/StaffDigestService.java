package org.twinflow.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.twinflow.system.DisplayDates;
import org.twinflow.system.StaffGroups;

/**
 * Tells staff about tasks waiting for them or their group, by a digest instead of a mail per task: a staff
 * member with an e-mail address gets at most one digest per {@code twinflow.mail.staff-digest-period}, and
 * only when tasks have arrived (for their groups or assigned to them) since their last one.
 *
 * <p>Each person's digest is claimed, sent and recorded in one transaction: the {@code staff_digest} row is
 * inserted or updated only if it still holds the value read (another application node that sends the same
 * digest at the same moment updates nothing and skips), and an SMTP failure rolls the claim back, so the
 * next run tries again. As with the notices, a crash after the SMTP server accepted the mail can send it twice.
 */
@Service
public class StaffDigestService {

    static final List<String> STAFF_GROUPS = List.of(StaffGroups.SECRETARIAT, StaffGroups.REVIEWERS, StaffGroups.COMMITTEE);
    private static final Logger log = LoggerFactory.getLogger(StaffDigestService.class);

    private final IdentityService identityService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final NoticeMailRenderer renderer;
    private final MailDelivery delivery;
    private final MailProperties properties;
    private final Clock clock;

    public StaffDigestService(IdentityService identityService, TaskService taskService, RuntimeService runtimeService,
            JdbcClient jdbc, PlatformTransactionManager transactionManager, NoticeMailRenderer renderer, MailDelivery delivery,
            MailProperties properties, Clock clock) {
        this.identityService = identityService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.renderer = renderer;
        this.delivery = delivery;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends every staff member the digest that is due. A failure for one person (SMTP down) is logged and
     * does not stop the others; their digest is tried again at the next run.
     *
     * @return how many digests were sent
     */
    public int sendDueDigests() {
        int sent = 0;
        for (User user : staffWithEmail()) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> sendDigestIfDue(user)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("Staff digest for {} not sent, will be tried again: {}", user.getId(), e.toString());
            }
        }
        return sent;
    }

    private boolean sendDigestIfDue(User user) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant last = jdbc.sql("SELECT last_sent_at FROM staff_digest WHERE user_id = :userId")
                .param("userId", user.getId()).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (last != null && last.plus(properties.staffDigestPeriod()).isAfter(now)) {
            return false;
        }
        List<Task> tasks = waitingTasks(user.getId(), last, now);
        if (tasks.isEmpty() || !claim(user.getId(), last, now)) {
            return false;
        }
        delivery.deliver(renderer.render(digestOf(user, tasks)));
        log.info("Staff digest with {} tasks sent to {}", tasks.size(), user.getId());
        return true;
    }

    /**
     * Open tasks for the user's groups (unassigned) or assigned to the user, created in [{@code since}, {@code until}).
     * Both bounds are whole seconds (MySQL keeps no fractions here), so a task created in the second of a digest
     * waits for the next digest instead of appearing in two.
     */
    private List<Task> waitingTasks(String userId, Instant since, Instant until) {
        TaskQuery candidate = taskService.createTaskQuery().taskCandidateUser(userId).active();
        TaskQuery assigned = taskService.createTaskQuery().taskAssignee(userId).active();
        if (since != null) {
            candidate.taskCreatedAfter(Date.from(since.minusMillis(1)));
            assigned.taskCreatedAfter(Date.from(since.minusMillis(1)));
        }
        return Stream.concat(candidate.list().stream(), assigned.list().stream())
                .filter(task -> task.getCreateTime().toInstant().isBefore(until))
                .collect(Collectors.toMap(Task::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new)).values().stream()
                .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Task::getCreateTime))
                .toList();
    }

    /** Records the digest as sent now, unless another node did since {@code last} was read. */
    private boolean claim(String userId, Instant last, Instant now) {
        if (last == null) {
            try {
                return jdbc.sql("INSERT INTO staff_digest (user_id, last_sent_at) VALUES (:userId, :now)")
                        .param("userId", userId).param("now", Timestamp.from(now)).update() == 1;
            } catch (DuplicateKeyException sentByAnotherNode) {
                return false;
            }
        }
        return jdbc.sql("UPDATE staff_digest SET last_sent_at = :now WHERE user_id = :userId AND last_sent_at = :last")
                .param("now", Timestamp.from(now)).param("userId", userId).param("last", Timestamp.from(last)).update() == 1;
    }

    private StaffDigestMail digestOf(User user, List<Task> tasks) {
        Set<String> instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).collect(Collectors.toSet());
        Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of()
                : runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .filter(p -> p.getBusinessKey() != null)
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        String tasklist = properties.portalUrl().replaceAll("/+$", "") + "/camunda/app/tasklist/default/";
        List<StaffDigestMail.Item> items = tasks.stream().map(t -> new StaffDigestMail.Item(t.getName(),
                businessKeys.get(t.getProcessInstanceId()), t.getDueDate() == null ? null : DisplayDates.dateTime(t.getDueDate().toInstant()),
                tasklist + "#/?task=" + t.getId())).toList();
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return new StaffDigestMail(user.getEmail(), name.isEmpty() ? null : name, items, tasklist);
    }

    private List<User> staffWithEmail() {
        Map<String, User> staff = new LinkedHashMap<>();
        for (String group : STAFF_GROUPS) {
            for (User user : identityService.createUserQuery().memberOfGroup(group).list()) {
                if (user.getEmail() != null && !user.getEmail().isBlank()) {
                    staff.putIfAbsent(user.getId(), user);
                }
            }
        }
        return List.copyOf(staff.values());
    }
}
