package org.doudi.periodicreview;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.TaskFormContext;
import org.doudi.cases.TaskFormContributor;
import org.doudi.enrolment.Enrolment;
import org.doudi.enrolment.EnrolmentAmount;
import org.doudi.enrolment.EnrolmentMember;
import org.doudi.enrolment.Enrolments;
import org.doudi.enrolment.ReviewHistory;
import org.doudi.payments.MonthlyPayment;
import org.doudi.payments.Payments;
import org.doudi.shared.PersonalData;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * On every task of a review case (the home visit of its verification, the opinion, the decision): the enrolled
 * household as it stands ({@code {{reviewSummary}}}: what started the review, members, the amount and its lines,
 * the last review, the latest payments), and on the decision the township's opinion
 * ({@code {{townshipReviewOpinion}}}). Nothing for an application.
 */
@Component
class PeriodicReviewTaskForm implements TaskFormContributor {

    /** How many months of payments the forms list. */
    static final int PAYMENT_MONTHS = 6;

    private final PeriodicReviews reviews;
    private final Enrolments enrolments;
    private final Payments payments;
    private final Clock clock;

    PeriodicReviewTaskForm(PeriodicReviews reviews, Enrolments enrolments, Payments payments, Clock clock) {
        this.reviews = reviews;
        this.enrolments = enrolments;
        this.payments = payments;
        this.clock = clock;
    }

    @Override
    public void contribute(TaskFormContext task, Map<String, Object> variables) {
        AssistanceCase c = task.caseFile();
        PeriodicReview r = c.isReview() ? reviews.find(c.caseNumber()).orElse(null) : null;
        Enrolment e = r == null ? null : enrolments.find(r.enrolmentNumber()).orElse(null);
        variables.put(PeriodicReviewProcess.VAR_REVIEW_SUMMARY, e == null ? null : summary(r, e));
        variables.put(PeriodicReviewProcess.VAR_OPINION_SHOWN, r == null || r.opinion() == null ? null
                : ReviewOutcome.of(r.opinion()).map(ReviewOutcome::label).orElse(r.opinion()) + "。理由："
                        + r.opinionReasons());
    }

    private String summary(PeriodicReview r, Enrolment e) {
        LocalDate today = TimeConfig.today(clock);
        StringBuilder s = new StringBuilder();
        s.append("保障对象编号 ").append(e.enrolmentNumber()).append("，").append(e.programme().label()).append("，")
                .append(e.status().label()).append("，自 ").append(e.sinceMonth()).append(" 起保障。\n\n");
        s.append("复核原因：").append(r.trigger().label());
        if (r.changeKind() != null) {
            s.append("（报告").append(r.changeKind().label());
            if (r.changeText() != null && !r.changeText().isBlank()) {
                s.append("：").append(PersonalData.maskAll(r.changeText()));
            }
            s.append("）");
        }
        s.append("\n\n");
        s.append("家庭成员 ").append(e.householdSize()).append(" 人，保障 ").append(e.coveredPeople()).append(" 人：\n\n");
        for (EnrolmentMember m : e.members()) {
            s.append("- ").append(m.name()).append("（").append(m.relation().label()).append("，").append(m.ageOn(today))
                    .append(" 岁").append(m.covered() ? "，保障" : "").append(m.ableToWork() ? "，有劳动能力" : "")
                    .append(m.disabilityGrade() != null ? "，残疾 " + m.disabilityGrade() + " 级" : "")
                    .append(m.seriousIllness() ? "，重病" : "").append("）\n");
        }
        EnrolmentAmount amount = e.amountIn(YearMonth.from(today));
        s.append("\n现月保障金 ").append(amount.amount().toPlainString()).append(" 元（");
        s.append(String.join("，", amount.lines().stream()
                .map(l -> l.kind().label() + " " + l.amount().toPlainString() + " 元").toList()));
        s.append("），").append(amount.fromMonth()).append(" 起执行。\n\n");
        s.append("上次复核：").append(e.lastReviewedOn() == null ? "尚未复核（首次）" : e.lastReviewedOn().toString());
        List<ReviewHistory.Entry> past = reviews.reviewsOf(e.id()).stream()
                .filter(h -> h.outcome() != null).toList();
        if (!past.isEmpty()) {
            ReviewHistory.Entry last = past.get(past.size() - 1);
            s.append("（").append(last.caseNumber()).append("，")
                    .append(ReviewOutcome.of(last.outcome()).map(ReviewOutcome::label).orElse(last.outcome()))
                    .append("）");
        }
        s.append("。\n\n");
        List<MonthlyPayment> paid = payments.paymentsOf(e.id());
        if (paid.isEmpty()) {
            s.append("发放记录：尚无已确认的发放名册。");
        } else {
            s.append("最近发放：").append(String.join("，", paid.subList(Math.max(0, paid.size() - PAYMENT_MONTHS),
                    paid.size()).stream().map(p -> p.month() + " " + p.amount().toPlainString() + " 元").toList()))
                    .append("。");
        }
        return s.toString();
    }
}
