package org.doudi.gateway;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a member of staff does to a task in his own hands that the engine would refuse him: candidates
 * hold TASK_WORK (claim, complete), not the right to reassign, and the engine counts both an unclaim
 * and a new follow-up date as reassignment or update. Checked here instead, then done without the
 * engine's authorization check but as the user (the engine's operation log names him).
 */
@Component
class OwnTasks {

    /** The fields of a task update (PUT /task/{id}) that must stay as they are; only followUp may change. */
    private static final List<String> FIXED = List.of("name", "description", "priority", "assignee", "owner",
            "delegationState", "due", "parentTaskId", "caseInstanceId", "tenantId");

    private static final DateTimeFormatter ENGINE_DATE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]").appendPattern("[XXX][XX][X]").toFormatter();

    private final TaskService tasks;
    private final ProcessEngineConfigurationImpl configuration;

    OwnTasks(TaskService tasks, ProcessEngineConfiguration configuration) {
        this.tasks = tasks;
        this.configuration = (ProcessEngineConfigurationImpl) configuration;
    }

    /** The assignee gives his task back to his group. */
    void unclaim(String taskId, EngineCaller caller, Task task) throws Refusal {
        if (!caller.userId().equals(task.getAssignee()) && !caller.isOperator()) {
            throw new Refusal(403, "只有任务的认领人可以退回任务 (only the assignee can unclaim the task)");
        }
        withoutAuthorization(() -> {
            tasks.setAssignee(taskId, null);
            return null;
        });
    }

    /**
     * Sets the follow-up date (跟进日期) of a task the caller may work on (its assignee, or a candidate
     * while it is unassigned); any other change to the task is refused.
     */
    void setFollowUp(String taskId, EngineCaller caller, Task task, JsonNode update, boolean visibleToCaller)
            throws Refusal {
        boolean mayWork = caller.userId().equals(task.getAssignee()) || (task.getAssignee() == null && visibleToCaller);
        if (!mayWork && !caller.isOperator()) {
            throw new Refusal(403, "只能为本人认领或本组待办的任务设置跟进日期 (only the assignee or a candidate may set the follow-up date)");
        }
        for (String field : FIXED) {
            if (update.has(field) && !same(field, update.get(field), task)) {
                throw new Refusal(403, "此处只能修改跟进日期，不能修改「" + field + "」(only the follow-up date may be changed here)");
            }
        }
        Date followUp = update.hasNonNull("followUp") ? date(update.get("followUp").asText(), "followUp") : null;
        withoutAuthorization(() -> {
            Task current = tasks.createTaskQuery().taskId(taskId).singleResult();
            current.setFollowUpDate(followUp);
            tasks.saveTask(current);
            return null;
        });
    }

    private static boolean same(String field, JsonNode given, Task task) throws Refusal {
        String now = switch (field) {
            case "name" -> task.getName();
            case "description" -> task.getDescription();
            case "priority" -> String.valueOf(task.getPriority());
            case "assignee" -> task.getAssignee();
            case "owner" -> task.getOwner();
            case "delegationState" -> task.getDelegationState() == null ? null : task.getDelegationState().name();
            case "parentTaskId" -> task.getParentTaskId();
            case "caseInstanceId" -> task.getCaseInstanceId();
            case "tenantId" -> task.getTenantId();
            case "due" -> null;
            default -> throw new IllegalArgumentException(field);
        };
        String value = given.isNull() ? null : given.asText();
        if ("due".equals(field)) {
            Date due = task.getDueDate();
            Date asked = value == null ? null : date(value, "due");
            return Objects.equals(due == null ? null : due.toInstant().getEpochSecond(),
                    asked == null ? null : asked.toInstant().getEpochSecond());
        }
        return Objects.equals(now, value);
    }

    private static Date date(String text, String field) throws Refusal {
        try {
            return Date.from(OffsetDateTime.parse(text, ENGINE_DATE).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Date.from(Instant.parse(text));
            } catch (DateTimeParseException again) {
                throw new Refusal(400, "「" + field + "」不是有效的日期时间 (not a date-time)");
            }
        }
    }

    private <T> T withoutAuthorization(Supplier<T> call) {
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(call::get));
    }

    /** A refusal with its HTTP status and a message for the user. */
    static final class Refusal extends Exception {
        private final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
