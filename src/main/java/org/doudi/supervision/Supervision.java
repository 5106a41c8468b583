package org.doudi.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.doudi.TimeConfig;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.escalation.Notification;
import org.doudi.escalation.NotificationRepository;
import org.doudi.escalation.OpenTask;
import org.doudi.escalation.OpenTaskRepository;
import org.doudi.region.RegionLevel;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What supervisors (督办) see: the overdue and soon-due work of their region and below, in working days,
 * read from the open-task read model.
 */
@Service
@Transactional(readOnly = true)
public class Supervision {

    static final Set<StaffRole> SUPERVISORS = Set.of(StaffRole.TOWNSHIP_SUPERVISOR, StaffRole.COUNTY_SUPERVISOR);

    private final OpenTaskRepository openTasks;
    private final NotificationRepository notifications;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    Supervision(OpenTaskRepository openTasks, NotificationRepository notifications, WorkingDayCalendar calendar,
            Clock clock) {
        this.openTasks = openTasks;
        this.notifications = notifications;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * An open task with its deadline seen from today.
     *
     * @param workingDaysOverdue working days since the due date (0 when not yet due)
     * @param workingDaysLeft working days until the due date (0 when overdue or due today)
     */
    public record SupervisedTask(OpenTask task, int workingDaysOverdue, int workingDaysLeft) {
    }

    /** Overdue open tasks of the region and below, most overdue first. */
    public List<SupervisedTask> overdue(String region, StaffScope scope) {
        check(region, scope);
        Instant now = clock.instant();
        LocalDate today = calendar.today();
        return openTasks.dueBefore(region, now).stream()
                .map(t -> new SupervisedTask(t, calendar.workingDaysBetween(t.countyCode(), dayOf(t.dueAt()), today), 0))
                .toList();
    }

    /** Open tasks due within the next working days (not yet overdue). */
    public List<SupervisedTask> dueSoon(String region, int workingDays, StaffScope scope) {
        check(region, scope);
        if (workingDays < 0 || workingDays > 60) {
            throw InvalidInputException.of("days", "must be 0 to 60 working days");
        }
        Instant now = clock.instant();
        LocalDate today = calendar.today();
        Instant until = WorkingDayCalendar.endOf(calendar.plusWorkingDays(today, workingDays));
        return openTasks.dueBefore(region, until.plusMillis(1)).stream()
                .filter(t -> !t.dueAt().isBefore(now))
                .map(t -> new SupervisedTask(t, 0, calendar.workingDaysBetween(t.countyCode(), today, dayOf(t.dueAt()))))
                .toList();
    }

    /** The latest notifications for the supervisor groups of a region. */
    public List<Notification> notifications(String region, StaffScope scope) {
        check(region, scope);
        List<String> groups = region.length() == 6
                ? List.of(StaffRole.COUNTY_SUPERVISOR.groupFor(region))
                : List.of(StaffRole.TOWNSHIP_SUPERVISOR.groupFor(region.substring(0, 9)),
                        StaffRole.COUNTY_SUPERVISOR.groupFor(region.substring(0, 6)));
        return notifications.findTop100ByGroupIdInOrderByIdDesc(groups);
    }

    private static void check(String region, StaffScope scope) {
        RegionLevel level = RegionLevel.ofCode(region);
        if (level == null) {
            throw InvalidInputException.of("region", "must be a 6-digit county, 9-digit township or 12-digit village code");
        }
        if (!scope.hasRoleFor(SUPERVISORS, region)) {
            throw new OutsideScopeException("supervision of region " + region + " is for its supervisors");
        }
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }
}
