package org.doudi.periodicreview.process;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.periodicreview.PeriodicReviewProcess;
import org.doudi.periodicreview.PeriodicReviews;
import org.doudi.periodicreview.ReviewOutcome;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/** On leaving {@code Task_ReviewOpinion}: the township's opinion and its reasons. */
@Component("reviewOpinionListener")
class ReviewOpinionListener extends TaskOutcomeListener {

    private final PeriodicReviews reviews;

    ReviewOpinionListener(PeriodicReviews reviews, Actors actors) {
        super(actors);
        this.reviews = reviews;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        String opinion = in.requiredChoice(PeriodicReviewProcess.VAR_OPINION, ReviewOutcome.VALUES);
        String reasons = in.requiredText(PeriodicReviewProcess.VAR_REASONS, 1000);
        in.validate();
        reviews.recordOpinion(caseNumber, ReviewOutcome.of(opinion).orElseThrow(), reasons, actor);
    }
}
