package org.doudi.referral.process;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.process.CaseProcesses;
import org.doudi.security.SystemAuthority;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/PovertyOfficeReferral.bpmn} (转介扶贫部门) and the one place that
 * starts it. Business key: the case number of the referred case, or for a person referred without a case the
 * number of the work that referred him (a field check's {@code MP-…}).
 */
@Component
public class PovertyOfficeReferralProcess {

    public static final String KEY = "PovertyOfficeReferral";
    public static final String TASK_HANDLING = "Task_PovertyOfficeHandling";
    /** {@code assisted} or {@code declined}. */
    public static final String VAR_OUTCOME = "referralOutcome";
    public static final String VAR_MEASURES = "measures";
    /** Shown on the handling form, read from the referral when the task is created. */
    public static final String VAR_REFERRAL_REASON = "referralReason";

    private final CaseProcesses processes;
    private final RuntimeService runtime;
    private final SystemAuthority system;

    PovertyOfficeReferralProcess(CaseProcesses processes, RuntimeService runtime, SystemAuthority system) {
        this.processes = processes;
        this.runtime = runtime;
        this.system = system;
    }

    /** Starts the instance of the case's open referral, which binds itself to it as it starts. */
    public ProcessInstance start(AssistanceCase c) {
        return processes.start(KEY, c, Map.of());
    }

    /** Starts the instance of a person's open referral without a case, keyed by its subject's number. */
    public ProcessInstance start(String subjectNumber) {
        return system.call(() -> runtime.startProcessInstanceByKey(KEY, subjectNumber));
    }
}
