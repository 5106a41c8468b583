package org.doudi.verification.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.security.Actors;
import org.doudi.verification.VerificationObjections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code IncomeVerification.bpmn} for the applicant's objection to an ineligible result:
 * {@code ${verificationObjection.awaits(execution)}} and {@code ${verificationObjection.periodEndsAt(execution)}}
 * for the gateway and the timer (both read the case, never a variable), and the delegates
 * {@code notifyVerificationResult}, {@code reverifyAfterObjection} and the timer's end listener
 * {@code verificationObjectionPeriodEnded}.
 */
@Component("verificationObjection")
public class VerificationObjectionSteps {

    private final VerificationObjections objections;

    VerificationObjectionSteps(VerificationObjections objections) {
        this.objections = objections;
    }

    /** Whether the result is told and the period awaited (an ineligible 低保 or 特困 household). */
    public boolean awaits(DelegateExecution execution) {
        return objections.mayObject(execution.getProcessBusinessKey());
    }

    /** When the period of the result told last ends ({@code doudi.verification-objection.period}). */
    public Date periodEndsAt(DelegateExecution execution) {
        return Date.from(objections.periodEndsAt(execution.getProcessBusinessKey()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Delegates {

        /** {@code Task_NotifyVerificationResult}: 核对结果告知, in the transaction of the home visit's completion. */
        @Bean("notifyVerificationResult")
        JavaDelegate notifyVerificationResult(VerificationObjections objections, Actors actors) {
            return execution -> objections.tell(execution.getProcessBusinessKey(), actors.currentUserId());
        }

        /** {@code Task_PrepareReverification}: the case goes back to verification. */
        @Bean("reverifyAfterObjection")
        JavaDelegate reverifyAfterObjection(VerificationObjections objections, Actors actors) {
            return execution -> objections.reverify(execution.getProcessBusinessKey(), actors.currentUserId());
        }

        /** End of {@code Timer_VerificationObjectionPeriod}: no objection was raised. */
        @Bean("verificationObjectionPeriodEnded")
        ExecutionListener verificationObjectionPeriodEnded(VerificationObjections objections) {
            return execution -> objections.periodEnded(execution.getProcessBusinessKey());
        }
    }
}
