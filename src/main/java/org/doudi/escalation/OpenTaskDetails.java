package org.doudi.escalation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseDetailsContributor;
import org.doudi.region.RegionService;
import org.springframework.stereotype.Component;

/**
 * Adds the case's open steps and their deadlines to the case view ({@code details.openTasks}): which step, whose group
 * (in Chinese), due when, overdue or not, and the escalation level reached — the case file's 待办环节与期限.
 */
@Component
class OpenTaskDetails implements CaseDetailsContributor {

    private final OpenTaskRepository openTasks;
    private final RegionService regions;
    private final Clock clock;

    OpenTaskDetails(OpenTaskRepository openTasks, RegionService regions, Clock clock) {
        this.openTasks = openTasks;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    public void contribute(AssistanceCase c, Map<String, Object> details) {
        List<OpenTask> open = openTasks.findByCaseIdOrderByDueAt(c.id());
        if (open.isEmpty()) {
            return;
        }
        Map<String, String> groups = regions.groupNames(open.stream().map(OpenTask::candidateGroup)
                .filter(g -> g != null).toList());
        details.put("openTasks", open.stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("taskId", t.taskId());
            m.put("taskKey", t.taskKey());
            m.put("taskName", t.taskName());
            m.put("group", t.candidateGroup());
            m.put("groupName", t.candidateGroup() == null ? null : groups.get(t.candidateGroup()));
            m.put("createdAt", t.createdAt());
            m.put("dueAt", t.dueAt());
            m.put("overdue", t.dueAt() != null && t.dueAt().isBefore(clock.instant()));
            m.put("escalationLevel", t.escalationLevel());
            return m;
        }).toList());
    }
}
