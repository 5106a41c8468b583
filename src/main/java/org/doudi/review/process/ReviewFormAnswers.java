package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.TASK_HANDLE_OBJECTION;
import static org.doudi.cases.process.AssistanceApplicationProcess.TASK_TOWNSHIP_REVIEW;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.doudi.cases.TaskAnswers;
import org.doudi.review.AppraisalInput.Names;
import org.springframework.stereotype.Component;

/**
 * What the review adds to the forms of the township review and of the objection's handling: the optional
 * 民主评议 on both ({@link Names#FORM}), and on the township review the special circumstance and the
 * referral to the poverty office. Cleared with the decision fields when the task comes round again.
 */
@Component
class ReviewFormAnswers implements TaskAnswers {

    @Override
    public Map<String, List<String>> answersByTask() {
        Names f = Names.FORM;
        List<String> appraisal = List.of(f.heldOn(), f.participants(), f.participantCount(), f.result(), f.notes());
        List<String> review = new ArrayList<>(List.of(TownshipReviewListener.VAR_REFER_TO_POVERTY_OFFICE,
                TownshipReviewListener.VAR_SPECIAL_CIRCUMSTANCE,
                TownshipReviewListener.VAR_SPECIAL_CIRCUMSTANCE_REASON));
        review.addAll(appraisal);
        return Map.of(TASK_TOWNSHIP_REVIEW, List.copyOf(review), TASK_HANDLE_OBJECTION, appraisal);
    }
}
