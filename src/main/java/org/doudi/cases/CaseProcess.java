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

    /** The programmes whose cases it carries. */
    Set<Programme> programmes();
}
