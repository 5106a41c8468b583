package org.doudi.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.doudi.TimeConfig;
import org.doudi.calendar.WorkingDayCalendar;
import org.doudi.escalation.Notification;
import org.doudi.escalation.NotificationRepository;
import org.doudi.escalation.OpenTask;
import org.doudi.region.DeepPoverty;
import org.doudi.region.RegionLevel;
import org.doudi.region.StaffRole;
import org.doudi.region.StaffScope;
import org.doudi.shared.InvalidInputException;
import org.doudi.shared.OutsideScopeException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * What supervisors (督办) see: the overdue and soon-due work of their region and below, in working days,
 * read from the open-task read model. A page costs a fixed number of statements however many rows it
 * has: the rows (one range of the region's own column's due-date index, in index order), the totals by
 * township, step and deep-poverty area (one grouped query, answered from an index alone), the step names; the
 * controller adds the township names. The working days are counted in memory on the calendar's cached schedules.
 * A list may keep to the deep-poverty areas (深度贫困地区) or to the others: the area is kept on each open task.
 */
@Service
@Transactional(readOnly = true)
public class Supervision {

    static final Set<StaffRole> SUPERVISORS = Set.of(StaffRole.TOWNSHIP_SUPERVISOR, StaffRole.COUNTY_SUPERVISOR);

    /**
     * Most overdue (soonest due) first; the task id makes the order total (deadlines fall at 23:59:59, many
     * share one), hence pages stable. It is the order of the (region column, due_at, deep_poverty) indexes,
     * whose entries end with the primary key: a page is read straight off the index, without sorting.
     */
    private static final String ORDER = " order by t.dueAt, t.deepPoverty, t.taskId";

    /** A task whose limit is on starting it (the home investigation) and that was started in time is not late. */
    private static final String NOT_STARTED_IN_TIME = " and (t.startedAt is null or t.startedAt > t.dueAt)";

    /**
     * The area of a task as a value that is never null ({@code '-'}: none), for the deep-poverty filter. Not
     * {@code is [not] null} on purpose: MariaDB takes {@code deep_poverty is null} for an equality on the index
     * column and then sorts a county's page (175 ms instead of 1 ms on the benchmark) and groups its totals in a
     * temporary table, or picks another index. Inside a function the condition cannot change the plan of the
     * unfiltered list; it is checked on the index entries that plan reads (every index of the lists holds
     * deep_poverty), before any table row is read.
     */
    private static final String AREA = "coalesce(cast(t.deepPoverty as String), '-')";

    private final EntityManager entities;
    private final NotificationRepository notifications;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    Supervision(EntityManager entities, NotificationRepository notifications, WorkingDayCalendar calendar,
            Clock clock) {
        this.entities = entities;
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

    /** Open tasks of one township in a list. */
    public record TownshipCount(String townshipCode, long count) {
    }

    /** Open tasks at one step (task key) in a list; the name is the task's as the model gives it. */
    public record StepCount(String taskKey, String taskName, long count) {
    }

    /**
     * Open tasks of a list in each kind of deep-poverty area, and elsewhere.
     *
     * @param byKind every kind, in the enum's order, with 0 where there are none
     * @param other tasks in no deep-poverty area
     */
    public record DeepPovertyCount(Map<DeepPoverty, Long> byKind, long other) {

        /** Tasks in a deep-poverty area of any kind. */
        public long flagged() {
            return byKind.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * One page of a list, with the totals of the whole list.
     *
     * @param byTownship {@code null} unless asked for; townships in code order
     * @param byStep {@code null} unless asked for; the largest first
     * @param byDeepPoverty always (the grouped query yields it with the total)
     */
    public record Page(List<SupervisedTask> items, long total, List<TownshipCount> byTownship, List<StepCount> byStep,
            DeepPovertyCount byDeepPoverty) {
    }

    /**
     * Overdue open tasks of the region and below, most overdue first.
     *
     * @param deepPoverty {@code true}: only those in a deep-poverty area; {@code false}: only the others;
     *            {@code null}: all
     * @param page from 0
     * @param size rows per page
     * @param grouped whether to answer the counts by township and step as well (else only the total)
     */
    public Page overdue(String region, Boolean deepPoverty, StaffScope scope, int page, int size, boolean grouped) {
        RegionLevel level = check(region, scope);
        Window window = new Window(level, region, deepPoverty, null, clock.instant());
        LocalDate today = calendar.today();
        WorkingDaysMemo memo = new WorkingDaysMemo(calendar);
        return page(window, page, size, grouped,
                t -> new SupervisedTask(t, memo.between(t.countyCode(), dayOf(t.dueAt()), today), 0));
    }

    /**
     * Open tasks due within the next working days (not yet overdue), soonest first.
     *
     * @param workingDays 0 to 60
     * @param deepPoverty as for {@link #overdue}
     */
    public Page dueSoon(String region, int workingDays, Boolean deepPoverty, StaffScope scope, int page, int size,
            boolean grouped) {
        RegionLevel level = check(region, scope);
        if (workingDays < 0 || workingDays > 60) {
            throw InvalidInputException.of("days", "「工作日天数」须为 0 到 60 的整数 / must be 0 to 60 working days");
        }
        Instant now = clock.instant();
        LocalDate today = calendar.today();
        Instant until = WorkingDayCalendar.endOf(calendar.plusWorkingDays(today, workingDays));
        // the last day's deadline (23:59:59) included; whole seconds, as MySQL drivers send no fractions
        Window window = new Window(level, region, deepPoverty, now, until.plusSeconds(1));
        WorkingDaysMemo memo = new WorkingDaysMemo(calendar);
        return page(window, page, size, grouped,
                t -> new SupervisedTask(t, 0, memo.between(t.countyCode(), today, dayOf(t.dueAt()))));
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

    /**
     * Open tasks of a region due in {@code [from, before)} ({@code from} may be open), in deep-poverty areas
     * or not ({@code deepPoverty} null: both). The region's own column is chosen by the length of its code: a
     * filter over the three columns at once would defeat their indexes.
     */
    private record Window(RegionLevel level, String region, Boolean deepPoverty, Instant from, Instant before) {

        String where() {
            String column = switch (level) {
                case COUNTY -> "t.countyCode";
                case TOWNSHIP -> "t.townshipCode";
                case VILLAGE -> "t.villageCode";
            };
            return " from OpenTask t where " + column + " = :region"
                    + (from == null ? "" : " and t.dueAt >= :from") + " and t.dueAt < :before"
                    + (deepPoverty == null ? "" : " and " + AREA + (deepPoverty ? " <> '-'" : " = '-'"))
                    + NOT_STARTED_IN_TIME;
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query) {
            query.setParameter("region", region).setParameter("before", before);
            if (from != null) {
                query.setParameter("from", from);
            }
            return query;
        }
    }

    private Page page(Window window, int page, int size, boolean grouped,
            java.util.function.Function<OpenTask, SupervisedTask> supervise) {
        List<OpenTask> rows = window.bind(entities.createQuery("select t" + window.where() + ORDER, OpenTask.class))
                .setFirstResult(Math.multiplyExact(page, size)).setMaxResults(size).getResultList();
        List<SupervisedTask> items = rows.stream().map(supervise).toList();
        // The total comes from the grouped counts as well: they are read from the (region column, township,
        // step, deep_poverty, due_at, started_at) index alone, where a plain count would take the (region, due_at)
        // index and read every row for started_at.
        List<Object[]> groups = window.bind(entities.createQuery("select t.townshipCode, t.taskKey, t.deepPoverty,"
                + " count(t), min(t.taskId)" + window.where() + " group by t.townshipCode, t.taskKey, t.deepPoverty",
                Object[].class)).getResultList();
        long total = 0;
        Map<String, Long> byTownship = new TreeMap<>();
        Map<String, Long> byStep = new HashMap<>();
        Map<DeepPoverty, Long> byKind = new EnumMap<>(DeepPoverty.class);
        for (DeepPoverty kind : DeepPoverty.values()) {
            byKind.put(kind, 0L);
        }
        long other = 0;
        Map<String, String> oneTaskOfStep = new HashMap<>();
        for (Object[] g : groups) {
            long n = ((Number) g[3]).longValue();
            total += n;
            byTownship.merge((String) g[0], n, Long::sum);
            byStep.merge((String) g[1], n, Long::sum);
            if (g[2] instanceof DeepPoverty kind) {
                byKind.merge(kind, n, Long::sum);
            } else {
                other += n;
            }
            oneTaskOfStep.merge((String) g[1], (String) g[4], (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        DeepPovertyCount byDeepPoverty = new DeepPovertyCount(Collections.unmodifiableMap(byKind), other);
        if (!grouped) {
            return new Page(items, total, null, null, byDeepPoverty);
        }
        Map<String, String> stepNames = stepNames(oneTaskOfStep);
        List<TownshipCount> townships = new ArrayList<>();
        byTownship.forEach((code, n) -> townships.add(new TownshipCount(code, n)));
        List<StepCount> steps = new ArrayList<>();
        byStep.forEach((key, n) -> steps.add(new StepCount(key, stepNames.get(key), n)));
        steps.sort(Comparator.comparingLong(StepCount::count).reversed().thenComparing(StepCount::taskKey));
        return new Page(items, total, townships, steps, byDeepPoverty);
    }

    /** The task name of each step, read from one open task of it: one statement for all the steps. */
    private Map<String, String> stepNames(Map<String, String> oneTaskOfStep) {
        if (oneTaskOfStep.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (Object[] row : entities.createQuery("select t.taskKey, t.taskName from OpenTask t where t.taskId in :ids",
                Object[].class).setParameter("ids", oneTaskOfStep.values()).getResultList()) {
            if (row[1] != null) {
                names.putIfAbsent((String) row[0], (String) row[1]);
            }
        }
        return names;
    }

    /**
     * Working days counted once per county and day in a request: the rows of a page share a few deadlines,
     * and the calendar's schedules (national plus the province's) are held in memory.
     */
    private static final class WorkingDaysMemo {

        private final WorkingDayCalendar calendar;
        private final Map<String, Integer> counted = new HashMap<>();

        WorkingDaysMemo(WorkingDayCalendar calendar) {
            this.calendar = calendar;
        }

        int between(String countyCode, LocalDate from, LocalDate to) {
            return counted.computeIfAbsent(countyCode + '|' + from + '|' + to,
                    k -> calendar.workingDaysBetween(countyCode, from, to));
        }
    }

    private static RegionLevel check(String region, StaffScope scope) {
        RegionLevel level = RegionLevel.ofCode(region);
        if (level == null) {
            throw InvalidInputException.of("region", "「区划」须为 6 位县级、9 位乡镇或 12 位村级区划代码 / must be"
                    + " a 6-digit county, 9-digit township or 12-digit village code");
        }
        if (!scope.hasRoleFor(SUPERVISORS, region)) {
            throw new OutsideScopeException("区划 " + region + " 的督办只对其督办人员开放 / supervision of region "
                    + region + " is for its supervisors");
        }
        return level;
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atZone(TimeConfig.LEGAL_ZONE).toLocalDate();
    }
}
