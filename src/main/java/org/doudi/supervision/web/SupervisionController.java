package org.doudi.supervision.web;

import java.time.Instant;
import java.util.List;

import org.doudi.escalation.OpenTask;
import org.doudi.region.Region;
import org.doudi.region.RegionService;
import org.doudi.security.Actors;
import org.doudi.supervision.Supervision;
import org.doudi.supervision.Supervision.SupervisedTask;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervisors' view (督办): overdue and soon-due work, and the notifications of escalations. */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

    private final Supervision supervision;
    private final RegionService regions;
    private final Actors actors;

    SupervisionController(Supervision supervision, RegionService regions, Actors actors) {
        this.supervision = supervision;
        this.regions = regions;
        this.actors = actors;
    }

    record TaskView(String caseNumber, String taskId, String taskKey, String taskName, String group,
            String processKey, String villageCode, String townshipCode, String townshipName, String countyCode,
            Instant createdAt, Instant dueDate, int workingDaysOverdue, int workingDaysLeft, int escalationLevel) {
    }

    record NotificationView(Long id, String group, String taskId, String kind, String message, Instant createdAt) {
    }

    @GetMapping("/overdue")
    List<TaskView> overdue(@RequestParam("region") String region) {
        return supervision.overdue(region.trim(), actors.currentScope()).stream().map(this::view).toList();
    }

    @GetMapping("/due-soon")
    List<TaskView> dueSoon(@RequestParam("region") String region,
            @RequestParam(name = "days", defaultValue = "3") int days) {
        return supervision.dueSoon(region.trim(), days, actors.currentScope()).stream().map(this::view).toList();
    }

    @GetMapping("/notifications")
    List<NotificationView> notifications(@RequestParam("region") String region) {
        return supervision.notifications(region.trim(), actors.currentScope()).stream()
                .map(n -> new NotificationView(n.id(), n.groupId(), n.taskId(), n.kind(), n.message(),
                        n.createdAt()))
                .toList();
    }

    private TaskView view(SupervisedTask s) {
        OpenTask t = s.task();
        String townshipName = regions.find(t.townshipCode()).map(Region::name).orElse(t.townshipCode());
        return new TaskView(t.caseNumber(), t.taskId(), t.taskKey(), t.taskName(), t.candidateGroup(), t.processKey(),
                t.villageCode(), t.townshipCode(), townshipName, t.countyCode(), t.createdAt(), t.dueAt(),
                s.workingDaysOverdue(), s.workingDaysLeft(), t.escalationLevel());
    }
}
