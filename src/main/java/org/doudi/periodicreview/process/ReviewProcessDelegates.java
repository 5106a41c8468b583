package org.doudi.periodicreview.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.doudi.periodicreview.PeriodicReviewProcess;
import org.doudi.periodicreview.PeriodicReviews;
import org.doudi.periodicreview.ReviewCampaigns;
import org.doudi.security.Actors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of {@code PeriodicReview}, {@code ReviewScheduler} and {@code ReviewCampaign}, each a thin bean
 * named as in the model, calling one service.
 */
@Configuration(proxyBeanMethods = false)
class ReviewProcessDelegates {

    /** How many gradual exits one scheduler job ends at most (the rest the next day). */
    static final int EXPIRY_CHUNK = 500;
    static final int EXPIRY_CHUNKS_PER_JOB = 20;

    /** {@code Task_ReviewNotice}: the written notice of the decision. */
    @Bean
    JavaDelegate reviewNotice(PeriodicReviews reviews) {
        return execution -> reviews.issueNotice(execution.getProcessBusinessKey());
    }

    /** {@code Task_ExpirePhaseOuts}: gradual exits that ran out end, with their notice. */
    @Bean
    JavaDelegate expirePhaseOuts(PeriodicReviews reviews) {
        return execution -> {
            for (int i = 0; i < EXPIRY_CHUNKS_PER_JOB; i++) {
                if (reviews.endExpiredPhaseOuts(EXPIRY_CHUNK, Actors.SYSTEM) < EXPIRY_CHUNK) {
                    return;
                }
            }
        };
    }

    /** {@code Task_SelectDueReviews}: today's due reviews as a batch; {@code more} when there are any. */
    @Bean
    JavaDelegate selectDueReviews(ReviewCampaigns campaigns) {
        return execution -> {
            var id = campaigns.createScheduled();
            execution.setVariable(PeriodicReviewProcess.VAR_CAMPAIGN_ID, id.orElse(null));
            execution.setVariable(PeriodicReviewProcess.VAR_MORE, id.isPresent());
        };
    }

    /** {@code Task_StartReviewChunk}: the next chunk of the batch's reviews; {@code more} while any remain. */
    @Bean
    JavaDelegate startReviewChunk(ReviewCampaigns campaigns) {
        return execution -> {
            Number id = (Number) execution.getVariable(PeriodicReviewProcess.VAR_CAMPAIGN_ID);
            execution.setVariable(PeriodicReviewProcess.VAR_MORE, campaigns.startChunk(id.longValue()));
        };
    }
}
