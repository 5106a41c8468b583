package org.doudi.cases.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.doudi.cases.CaseStateException;
import org.doudi.cases.StepRefusedException;
import org.springframework.stereotype.Component;

/**
 * A job whose step the case refuses ({@link StepRefusedException}, {@link CaseStateException}: an
 * enrolment without an approval, a grant already paid, a notice ended early) becomes an incident at
 * once, with the reason as its message: retrying cannot change the case, and an operator should see it
 * in Cockpit now rather than after the retry cycle. Any other failure (a data source down, a lock)
 * follows the element's {@code camunda:failedJobRetryTimeCycle} as before.
 */
@Component
class RefusedStepRetries extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setFailedJobCommandFactory((jobId, exception) -> isRefusal(exception)
                ? new IncidentAtOnce(jobId, exception)
                : new DefaultJobRetryCmd(jobId, exception));
    }

    static boolean isRefusal(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StepRefusedException || t instanceof CaseStateException) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the reason on the job and sets its retries to zero, which raises the incident. */
    static final class IncidentAtOnce extends JobRetryCmd {

        IncidentAtOnce(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job != null) {
                job.unlock();
                logException(job);
                job.setRetries(0);
            }
            return null;
        }
    }
}
