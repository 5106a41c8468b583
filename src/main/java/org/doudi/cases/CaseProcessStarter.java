package org.doudi.cases;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Starts the process that handles a programme's cases; one bean per process. */
public interface CaseProcessStarter {

    boolean handles(AssistanceCase c);

    /** Starts the instance with the case number as business key; it runs to its first wait state. */
    ProcessInstance start(AssistanceCase c);
}
