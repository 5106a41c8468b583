package org.doudi.calendar;

/**
 * What was computed with a schedule and must move when a new version of it is loaded (due dates of open
 * tasks, their escalation timers, procedure timers). Implemented by the features that compute deadlines;
 * called in the transaction of the load, after the new version is in force.
 */
public interface CalendarDependents {

    /**
     * A region's schedule of a year changed: recompute what the old one gave.
     *
     * @param region {@code CN} (every county) or a province's two digits (its counties only)
     */
    Moved scheduleChanged(String region, int year);

    /** How many open tasks and timers got another date. */
    record Moved(int tasks, int timers) {

        public static final Moved NOTHING = new Moved(0, 0);

        public Moved plus(Moved other) {
            return new Moved(tasks + other.tasks, timers + other.timers);
        }
    }
}
