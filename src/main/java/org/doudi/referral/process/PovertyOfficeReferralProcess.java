package org.doudi.referral.process;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.process.CaseProcesses;
import org.springframework.stereotype.Component;

/**
 * The contract of {@code processes/PovertyOfficeReferral.bpmn} (转介扶贫部门) and the one place that
 * starts it. Business key: the case number of the referred case.
 */
@Component
public class PovertyOfficeReferralProcess {

    public static final String KEY = "PovertyOfficeReferral";
    public static final String TASK_HANDLING = "Task_PovertyOfficeHandling";
    /** {@code assisted} or {@code declined}. */
    public static final String VAR_OUTCOME = "referralOutcome";
    public static final String VAR_MEASURES = "measures";
    public static final String VAR_REFERRAL_REASON = "referralReason";

    private final CaseProcesses processes;

    PovertyOfficeReferralProcess(CaseProcesses processes) {
        this.processes = processes;
    }

    public ProcessInstance start(AssistanceCase c, String reason) {
        return processes.start(KEY, c, Map.of(VAR_REFERRAL_REASON, reason));
    }
}
