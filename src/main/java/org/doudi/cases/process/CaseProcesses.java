package org.doudi.cases.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseProcess;
import org.doudi.cases.Programme;
import org.doudi.security.SystemAuthority;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Starts the processes of cases: the business key is the case number, and the system starts them on
 * the case's behalf (the triggering user needs no engine right to the process). What the forms show is
 * read from the case when each task is created ({@link TaskPreparation}), not carried in variables.
 */
@NamedInterface("process")
@Component
public class CaseProcesses {

    private final List<CaseProcess> processes;
    private final RuntimeService runtimeService;
    private final SystemAuthority system;

    CaseProcesses(List<CaseProcess> processes, RuntimeService runtimeService, SystemAuthority system) {
        this.processes = processes;
        this.runtimeService = runtimeService;
        this.system = system;
    }

    /** Starts the process that carries the case's programme; it runs to its first wait state. */
    public ProcessInstance startFor(AssistanceCase c) {
        return startFor(c, Map.of());
    }

    /** As {@link #startFor(AssistanceCase)}, with variables of its own (a review's {@code trigger}). */
    public ProcessInstance startFor(AssistanceCase c, Map<String, Object> variables) {
        String key = processes.stream().filter(p -> p.carries(c)).findFirst()
                .map(CaseProcess::processKey)
                .orElseThrow(() -> new IllegalStateException("no process carries case " + c.caseNumber()));
        return start(key, c, variables);
    }

    /**
     * Starts a process for a case, with variables of its own; the instance binds itself to the case (or
     * its referral) as it starts ({@link InstanceGuard}).
     */
    public ProcessInstance start(String processKey, AssistanceCase c, Map<String, Object> variables) {
        return system.call(() -> runtimeService.createProcessInstanceByKey(processKey)
                .businessKey(c.caseNumber()).setVariables(variables).execute());
    }

    /** The keys of the processes that carry cases. */
    public Set<String> processKeys() {
        return processes.stream().map(CaseProcess::processKey).collect(Collectors.toSet());
    }

    /** Whether the process of {@code processKey} is the one that carries the case. */
    public boolean carries(String processKey, AssistanceCase c) {
        return processes.stream().anyMatch(p -> p.processKey().equals(processKey) && p.carries(c));
    }

    /** The programmes a process carries; empty for a process that takes no applications. */
    public Set<Programme> programmesOf(String processKey) {
        return processes.stream().filter(p -> p.processKey().equals(processKey)).findFirst()
                .map(CaseProcess::programmes).orElse(Set.of());
    }
}
