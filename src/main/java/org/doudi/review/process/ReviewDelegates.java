package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_BENEFIT_START_MONTH;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_MONTHLY_AMOUNT;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_NOTICE_ENDS_AT;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_SPOT_CHECK_SELECTED;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.cases.ApprovedBenefit;
import org.doudi.review.Reviews;
import org.doudi.review.SpotChecks;
import org.doudi.security.Actors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of the review part of {@code AssistanceApplication}, each a thin bean named as in
 * the model, calling one service. Steps that follow a user's completion in its transaction record that
 * user ({@link Actors#currentUserId()}); a timer's records the system.
 */
@Configuration(proxyBeanMethods = false)
class ReviewDelegates {

    /** {@code Task_NotifyNotAccepted}: the one-time notice of missing materials. */
    @Bean
    JavaDelegate notifyNotAccepted(Reviews reviews, Actors actors) {
        return execution -> reviews.sendNotAcceptedNotice(execution.getProcessBusinessKey(), actors.currentUserId());
    }

    /** {@code Task_StartPublicNotice}: posts the notice; the timer waits for {@code noticeEndsAt}. */
    @Bean
    JavaDelegate startPublicNotice(Reviews reviews, Actors actors) {
        return execution -> {
            Instant ends = reviews.startPublicNotice(execution.getProcessBusinessKey(), actors.currentUserId());
            execution.setVariable(VAR_NOTICE_ENDS_AT, Date.from(ends));
        };
    }

    /** {@code Task_EndPublicNotice}: the notice ran its 7 days (refused before). */
    @Bean
    JavaDelegate endPublicNotice(Reviews reviews, Actors actors) {
        return execution -> reviews.endPublicNotice(execution.getProcessBusinessKey(), actors.currentUserId());
    }

    /**
     * {@code Task_Enrol} (asynchronous): carries out the recorded approval, from the month after it;
     * refused, as an incident with the reason, when the case holds no such approval.
     */
    @Bean
    JavaDelegate enrol(Reviews reviews) {
        return execution -> {
            ApprovedBenefit e = reviews.enrol(execution.getProcessBusinessKey());
            execution.setVariable(VAR_MONTHLY_AMOUNT, e.monthlyAmount().doubleValue());
            execution.setVariable(VAR_BENEFIT_START_MONTH, e.benefitStartMonth());
        };
    }

    /** {@code Task_SendRejectionNotice}: the refusal with its reasons. */
    @Bean
    JavaDelegate sendRejectionNotice(Reviews reviews, Actors actors) {
        return execution -> reviews.sendRejectionNotice(execution.getProcessBusinessKey(), actors.currentUserId());
    }

    /** {@code Task_SelectSpotCheck}, {@code Task_SelectDelegatedSpotCheck}: draws the case or not. */
    @Bean
    JavaDelegate selectSpotCheck(SpotChecks spotChecks) {
        return execution -> execution.setVariable(VAR_SPOT_CHECK_SELECTED,
                spotChecks.draw(execution.getProcessBusinessKey()));
    }
}
