package org.doudi.region;

import java.math.BigDecimal;
import java.util.List;

import org.doudi.shared.FieldViolation;

/**
 * A county's numbers for enrolled households (保障对象), per policy version; the field names are those of
 * {@code POST /api/counties/{county}/policies}.
 *
 * @param reviewMonthsStable 复核 of a stable household every so many months (1–24; usually 12)
 * @param reviewMonthsChanging … of a household whose income changes or with members able to work (1–24; usually 6)
 * @param phaseOutMonths 渐退期: how many months benefits continue once income rose above the line (0–6, 2022 rule)
 * @param phaseOutShare the share of the amount paid meanwhile (above 0, at most 1, four decimals)
 * @param prorateFirstMonth benefits start the day after the approval and its month is paid in proportion to the
 *        days left; otherwise from the first of the next month, in whole months
 * @param paymentRollDay the day of the month the draft payment roll (发放名册) is generated (1–28)
 */
public record EnrolmentRules(int reviewMonthsStable, int reviewMonthsChanging, int phaseOutMonths,
        BigDecimal phaseOutShare, boolean prorateFirstMonth, int paymentRollDay) {

    /** What V18 gave every county: yearly and half-yearly reviews, six months at the full amount, the 20th. */
    public static final EnrolmentRules DEFAULT = new EnrolmentRules(12, 6, 6, BigDecimal.ONE, false, 20);

    /** 民政部等 2022: the gradual exit lasts in principle at most six months. */
    public static final int MAX_PHASE_OUT_MONTHS = 6;

    void addProblems(List<FieldViolation> p) {
        reviewMonths(p, "reviewMonthsStable", "稳定家庭复核间隔月数", reviewMonthsStable);
        reviewMonths(p, "reviewMonthsChanging", "非稳定家庭复核间隔月数", reviewMonthsChanging);
        if (phaseOutMonths < 0 || phaseOutMonths > MAX_PHASE_OUT_MONTHS) {
            p.add(new FieldViolation("phaseOutMonths", "「渐退期月数」必须在 0 到 " + MAX_PHASE_OUT_MONTHS
                    + " 之间：渐退期原则上不超过 6 个月 (must be 0 to 6 months)"));
        }
        if (phaseOutShare == null) {
            p.add(new FieldViolation("phaseOutShare", "「渐退期发放比例」必须填写 (is required)"));
        } else if (phaseOutShare.signum() <= 0 || phaseOutShare.compareTo(BigDecimal.ONE) > 0
                || phaseOutShare.stripTrailingZeros().scale() > 4) {
            p.add(new FieldViolation("phaseOutShare", "「渐退期发放比例」必须大于 0、不超过 1、至多四位小数，如 0.5 "
                    + "(must be above 0 and at most 1, four decimals at most)"));
        }
        if (paymentRollDay < 1 || paymentRollDay > 28) {
            p.add(new FieldViolation("paymentRollDay", "「发放名册生成日」必须在 1 到 28 日之间 (must be a day from 1 to 28)"));
        }
    }

    private static void reviewMonths(List<FieldViolation> p, String field, String label, int months) {
        if (months < 1 || months > 24) {
            p.add(new FieldViolation(field, "「" + label + "」必须在 1 到 24 之间 (must be 1 to 24 months)"));
        }
    }
}
