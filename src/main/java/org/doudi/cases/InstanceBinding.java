package org.doudi.cases;

import java.util.Set;

/**
 * Ties the instances of some processes to what Doudi records: a case has one instance of the process
 * that carries it, a referral one instance of the poverty office's process. The engine asks it as an
 * instance starts and before every step ({@code cases.process.InstanceGuard}), so that a start or a
 * modification through the engine API (Cockpit, {@code /engine-rest}) can act on a case only through
 * the instance bound to it. One bean per feature that starts such processes.
 */
public interface InstanceBinding {

    /** The process definition keys whose root instances it binds. */
    Set<String> processKeys();

    /**
     * An instance of {@code processKey} starts with {@code businessKey}: binds it to its record, or
     * refuses the start with {@link StepRefusedException}. Runs in the starting transaction.
     */
    void bind(String processKey, String businessKey, String processInstanceId);

    /** Whether the instance is the one bound for the business key (one indexed lookup). */
    boolean isBound(String processKey, String businessKey, String processInstanceId);
}
