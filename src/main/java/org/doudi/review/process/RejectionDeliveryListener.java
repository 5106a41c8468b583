package org.doudi.review.process;

import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_DELIVERY_METHOD;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_DELIVERY_NOTES;
import static org.doudi.cases.process.AssistanceApplicationProcess.VAR_NOTICE_DELIVERED_ON;

import java.time.Clock;
import java.time.LocalDate;

import org.doudi.TimeConfig;
import org.doudi.cases.process.TaskOutcomeListener;
import org.doudi.review.Reviews;
import org.doudi.security.Actors;
import org.doudi.shared.FormInput;
import org.springframework.stereotype.Component;

/**
 * On leaving {@code Task_DeliverRejectionNotice} (送达不予批准告知书): the day the township delivered the
 * written notice, neither before the rejection nor in the future, and how. Only a rejected case has a
 * notice to deliver, however the task was reached.
 */
@Component("rejectionDeliveryListener")
class RejectionDeliveryListener extends TaskOutcomeListener {

    /** A method that needs a word of explanation. */
    static final String OTHER_METHOD = "其他方式";

    private final Reviews reviews;
    private final Clock clock;

    RejectionDeliveryListener(Reviews reviews, Clock clock, Actors actors) {
        super(actors);
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    protected void record(String caseNumber, FormInput in, String actor) {
        LocalDate decided = reviews.rejectionDecidedOn(caseNumber).orElse(null);
        LocalDate on = in.requiredDate(VAR_NOTICE_DELIVERED_ON);
        LocalDate today = TimeConfig.today(clock);
        if (on != null && on.isAfter(today)) {
            in.reject(VAR_NOTICE_DELIVERED_ON, "不能晚于今天（" + today + "）");
        } else if (on != null && decided == null) {
            in.reject(VAR_NOTICE_DELIVERED_ON, "案件没有不予批准决定，没有告知书可送达");
        } else if (on != null && on.isBefore(decided)) {
            in.reject(VAR_NOTICE_DELIVERED_ON, "不能早于不予批准决定之日（" + decided + "）");
        }
        String method = in.requiredChoice(VAR_DELIVERY_METHOD, Reviews.DELIVERY_METHODS);
        String notes = OTHER_METHOD.equals(method) ? in.requiredText(VAR_DELIVERY_NOTES, 2000)
                : in.optionalText(VAR_DELIVERY_NOTES, 2000);
        in.validate();
        reviews.recordRejectionNoticeDelivery(caseNumber, on, method, notes, actor);
    }
}
