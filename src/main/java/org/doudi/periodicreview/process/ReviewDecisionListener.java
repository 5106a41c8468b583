package org.doudi.periodicreview.process;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.enrolment.EndReason;
import org.doudi.enrolment.EnrolmentStateException;
import org.doudi.periodicreview.PeriodicReviewProcess;
import org.doudi.periodicreview.PeriodicReviews;
import org.doudi.periodicreview.ReviewOutcome;
import org.doudi.periodicreview.ReviewRefusedException;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_ReviewDecision}: the decision, carried out on the enrolment in the completion's transaction.
 * A decision that does not follow from the review (continue an ineligible household …) is refused on the decision
 * field, and the task stays open.
 */
@Component("reviewDecisionListener")
class ReviewDecisionListener extends TaskOutcomeListener {

    /** The reasons a decision may give for a stop (a gradual exit ends by itself). */
    static final Set<String> STOP_REASONS = Arrays.stream(EndReason.values())
            .filter(r -> r != EndReason.PHASE_OUT_ENDED).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final PeriodicReviews reviews;

    ReviewDecisionListener(PeriodicReviews reviews, Actors actors) {
        super(actors);
        this.reviews = reviews;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        String decision = in.requiredChoice(PeriodicReviewProcess.VAR_DECISION, ReviewOutcome.VALUES);
        String reasons = in.requiredText(PeriodicReviewProcess.VAR_REASONS, 1000);
        EndReason stopReason = null;
        YearMonth changeMonth = null;
        if (ReviewOutcome.STOP.value().equals(decision)) {
            String reason = in.optionalText(PeriodicReviewProcess.VAR_STOP_REASON, 30);
            if (reason != null) {
                if (STOP_REASONS.contains(reason.toUpperCase())) {
                    stopReason = EndReason.valueOf(reason.toUpperCase());
                } else {
                    in.reject(PeriodicReviewProcess.VAR_STOP_REASON, "只能是 " + String.join(", ",
                            STOP_REASONS.stream().sorted().toList()) + " 之一");
                }
            }
            String month = in.optionalText(PeriodicReviewProcess.VAR_CHANGE_MONTH, 7);
            if (month != null) {
                try {
                    changeMonth = YearMonth.parse(month);
                } catch (DateTimeParseException e) {
                    in.reject(PeriodicReviewProcess.VAR_CHANGE_MONTH, "须为年月，如 2026-03");
                }
            }
        }
        in.validate();
        try {
            reviews.decide(caseNumber, new PeriodicReviews.Decision(ReviewOutcome.of(decision).orElseThrow(), reasons,
                    stopReason, changeMonth), actor);
        } catch (ReviewRefusedException e) {
            in.reject(PeriodicReviewProcess.VAR_DECISION, e.chinese());
            in.validate();
        } catch (EnrolmentStateException e) {
            in.reject(PeriodicReviewProcess.VAR_DECISION, e.getMessage());
            in.validate();
        }
    }
}
