package org.doudi.cases;

import java.util.Set;

/**
 * A process that carries the cases of some programmes from application to decision; one bean per
 * process, found by {@code cases.process.CaseProcesses} to start a case's process and to check what a
 * Tasklist start form may register.
 */
public interface CaseProcess {

    /** The process definition key. */
    String processKey();

    /**
     * The programmes whose applications it carries, and may be started with from a Tasklist start form; empty for a
     * process that takes no applications (the review of an enrolment).
     */
    Set<Programme> programmes();

    /** Whether it is the process that carries the case: an application of one of its programmes by default. */
    default boolean carries(AssistanceCase c) {
        return !c.isReview() && programmes().contains(c.programme());
    }
}
