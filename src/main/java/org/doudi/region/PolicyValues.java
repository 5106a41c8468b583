package org.doudi.region;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.doudi.household.WorkingAge;
import org.doudi.shared.FieldViolation;

/**
 * The numbers of one version of a county's policy (地方标准), amounts in 元 per person per month, and the
 * bounds the national rules set on them. The field names are those of
 * {@code POST /api/counties/{county}/policies}.
 *
 * @param dibaoStandard 低保标准
 * @param tekunBasicStandard 特困人员基本生活标准
 * @param tekunCareSelf 照料护理标准, 全自理
 * @param tekunCarePartial … 部分丧失生活自理能力
 * @param tekunCareFull … 完全丧失生活自理能力
 * @param singlePersonFactor 低保边缘家庭: per-capita income under this multiple of the standard (单人户)
 * @param approvalDelegated 审批权限下放 to the townships
 * @param spotCheckRate the share of cases the county spot-checks, at least 30 %
 * @param townshipCap 临时救助: what a township grants on its own per case, in 元, or {@code null}
 * @param townshipCapMultiple … as a multiple of the 低保标准, used without a fixed cap, or {@code null}
 * @param grantsPerCausePerYear temporary grants per household and cause in a calendar year
 * @param disposableIncomeLine 支出型: the per-capita line; {@code null} = the county takes no 支出型 applications
 * @param povertyLine referral line, or {@code null} for 1.5 × the 低保标准
 * @param followUpDays days after a temporary grant when the township follows up
 * @param amountRule how monthly amounts are rounded, and the minimum
 * @param appraisalRequired 民主评议 required before a township's approving opinion (低保, 特困)
 * @param workingAgeFrom 劳动年龄 from this age on a member is presumed able to work (14–18) …
 * @param workingAgeUntil … until the day before this birthday (50–70); see {@link WorkingAge}
 * @param workingAgeUntilFemale … for women, where it differs (50–70), or {@code null}: {@code workingAgeUntil}
 * @param enrolmentRules reviews, gradual exit, first month and payment roll of enrolled households
 * @param allowances 分类施保: the extra allowances of members of enrolled 低保 households in a category
 */
public record PolicyValues(BigDecimal dibaoStandard, BigDecimal tekunBasicStandard, BigDecimal tekunCareSelf,
        BigDecimal tekunCarePartial, BigDecimal tekunCareFull, BigDecimal singlePersonFactor,
        boolean approvalDelegated, BigDecimal spotCheckRate, BigDecimal townshipCap, BigDecimal townshipCapMultiple,
        int grantsPerCausePerYear, BigDecimal disposableIncomeLine, BigDecimal povertyLine, int followUpDays,
        AmountRule amountRule, boolean appraisalRequired, int workingAgeFrom, int workingAgeUntil,
        Integer workingAgeUntilFemale, EnrolmentRules enrolmentRules, Allowances allowances) {

    /** The values with V18's defaults for enrolled households and no 分类施保 (as before counties could set them). */
    public PolicyValues(BigDecimal dibaoStandard, BigDecimal tekunBasicStandard, BigDecimal tekunCareSelf,
            BigDecimal tekunCarePartial, BigDecimal tekunCareFull, BigDecimal singlePersonFactor,
            boolean approvalDelegated, BigDecimal spotCheckRate, BigDecimal townshipCap,
            BigDecimal townshipCapMultiple, int grantsPerCausePerYear, BigDecimal disposableIncomeLine,
            BigDecimal povertyLine, int followUpDays, AmountRule amountRule, boolean appraisalRequired,
            int workingAgeFrom, int workingAgeUntil, Integer workingAgeUntilFemale) {
        this(dibaoStandard, tekunBasicStandard, tekunCareSelf, tekunCarePartial, tekunCareFull, singlePersonFactor,
                approvalDelegated, spotCheckRate, townshipCap, townshipCapMultiple, grantsPerCausePerYear,
                disposableIncomeLine, povertyLine, followUpDays, amountRule, appraisalRequired, workingAgeFrom,
                workingAgeUntil, workingAgeUntilFemale, EnrolmentRules.DEFAULT, Allowances.NONE);
    }

    /** The values with the default working age, 16 to under 60 (as before counties could set one). */
    public PolicyValues(BigDecimal dibaoStandard, BigDecimal tekunBasicStandard, BigDecimal tekunCareSelf,
            BigDecimal tekunCarePartial, BigDecimal tekunCareFull, BigDecimal singlePersonFactor,
            boolean approvalDelegated, BigDecimal spotCheckRate, BigDecimal townshipCap,
            BigDecimal townshipCapMultiple, int grantsPerCausePerYear, BigDecimal disposableIncomeLine,
            BigDecimal povertyLine, int followUpDays, AmountRule amountRule, boolean appraisalRequired) {
        this(dibaoStandard, tekunBasicStandard, tekunCareSelf, tekunCarePartial, tekunCareFull, singlePersonFactor,
                approvalDelegated, spotCheckRate, townshipCap, townshipCapMultiple, grantsPerCausePerYear,
                disposableIncomeLine, povertyLine, followUpDays, amountRule, appraisalRequired,
                WorkingAge.DEFAULT.from(), WorkingAge.DEFAULT.until(), null);
    }

    /** These values with another working age. */
    public PolicyValues withWorkingAge(WorkingAge age) {
        return new PolicyValues(dibaoStandard, tekunBasicStandard, tekunCareSelf, tekunCarePartial, tekunCareFull,
                singlePersonFactor, approvalDelegated, spotCheckRate, townshipCap, townshipCapMultiple,
                grantsPerCausePerYear, disposableIncomeLine, povertyLine, followUpDays, amountRule, appraisalRequired,
                age.from(), age.until(), age.untilFemale(), enrolmentRules, allowances);
    }

    /** These values with other numbers for enrolled households. */
    public PolicyValues withEnrolmentRules(EnrolmentRules rules) {
        return new PolicyValues(dibaoStandard, tekunBasicStandard, tekunCareSelf, tekunCarePartial, tekunCareFull,
                singlePersonFactor, approvalDelegated, spotCheckRate, townshipCap, townshipCapMultiple,
                grantsPerCausePerYear, disposableIncomeLine, povertyLine, followUpDays, amountRule, appraisalRequired,
                workingAgeFrom, workingAgeUntil, workingAgeUntilFemale, rules, allowances);
    }

    /** These values with other 分类施保 allowances. */
    public PolicyValues withAllowances(Allowances other) {
        return new PolicyValues(dibaoStandard, tekunBasicStandard, tekunCareSelf, tekunCarePartial, tekunCareFull,
                singlePersonFactor, approvalDelegated, spotCheckRate, townshipCap, townshipCapMultiple,
                grantsPerCausePerYear, disposableIncomeLine, povertyLine, followUpDays, amountRule, appraisalRequired,
                workingAgeFrom, workingAgeUntil, workingAgeUntilFemale, enrolmentRules, other);
    }

    /** The county's working age, for the general presumption of ability to work. */
    public WorkingAge workingAge() {
        return new WorkingAge(workingAgeFrom, workingAgeUntil, workingAgeUntilFemale);
    }

    /** The values without a 民主评议 requirement (as before counties could require one). */
    public PolicyValues(BigDecimal dibaoStandard, BigDecimal tekunBasicStandard, BigDecimal tekunCareSelf,
            BigDecimal tekunCarePartial, BigDecimal tekunCareFull, BigDecimal singlePersonFactor,
            boolean approvalDelegated, BigDecimal spotCheckRate, BigDecimal townshipCap,
            BigDecimal townshipCapMultiple, int grantsPerCausePerYear, BigDecimal disposableIncomeLine,
            BigDecimal povertyLine, int followUpDays, AmountRule amountRule) {
        this(dibaoStandard, tekunBasicStandard, tekunCareSelf, tekunCarePartial, tekunCareFull, singlePersonFactor,
                approvalDelegated, spotCheckRate, townshipCap, townshipCapMultiple, grantsPerCausePerYear,
                disposableIncomeLine, povertyLine, followUpDays, amountRule, false);
    }

    /** 《最低生活保障审核确认办法》, 《特困人员认定办法》: the county spot-checks at least 30 %. */
    public static final BigDecimal MINIMUM_SPOT_CHECK_RATE = new BigDecimal("0.30");

    /** Larger than any monthly amount or cap Doudi stores (decimal(12,2)). */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000");

    /** Every value outside its lawful or storable bounds, named by its field; empty when all are good. */
    public List<FieldViolation> problems() {
        List<FieldViolation> p = new ArrayList<>();
        positive(p, "dibaoStandard", "低保标准", dibaoStandard);
        positive(p, "tekunBasicStandard", "特困人员基本生活标准", tekunBasicStandard);
        notNegative(p, "tekunCareSelf", "全自理照料护理标准", tekunCareSelf);
        notNegative(p, "tekunCarePartial", "部分丧失自理能力照料护理标准", tekunCarePartial);
        notNegative(p, "tekunCareFull", "完全丧失自理能力照料护理标准", tekunCareFull);
        if (singlePersonFactor == null) {
            p.add(required("singlePersonFactor", "低保边缘家庭倍数"));
        } else if (singlePersonFactor.compareTo(BigDecimal.ONE) < 0 || singlePersonFactor.compareTo(BigDecimal.TEN) > 0
                || singlePersonFactor.stripTrailingZeros().scale() > 2) {
            p.add(new FieldViolation("singlePersonFactor", "「低保边缘家庭倍数」必须在 1 到 10 之间、至多两位小数："
                    + "边缘家庭的收入线不能低于低保标准 (must be between 1 and 10, two decimals at most)"));
        }
        if (spotCheckRate == null) {
            p.add(required("spotCheckRate", "抽查比例"));
        } else if (spotCheckRate.compareTo(MINIMUM_SPOT_CHECK_RATE) < 0 || spotCheckRate.compareTo(BigDecimal.ONE) > 0
                || spotCheckRate.stripTrailingZeros().scale() > 2) {
            p.add(new FieldViolation("spotCheckRate", "「抽查比例」必须在 0.30 到 1 之间、至多两位小数："
                    + "县级抽查不少于 30% (must be between 0.30 and 1)"));
        }
        if (townshipCap != null) {
            notNegative(p, "townshipCap", "乡镇审批额度", townshipCap);
        }
        if (townshipCapMultiple != null && (townshipCapMultiple.signum() <= 0
                || townshipCapMultiple.compareTo(new BigDecimal("1000")) >= 0
                || townshipCapMultiple.stripTrailingZeros().scale() > 2)) {
            p.add(new FieldViolation("townshipCapMultiple", "「乡镇审批额度倍数」必须大于 0、小于 1000、至多两位小数 "
                    + "(must be positive, below 1000, two decimals at most)"));
        }
        if (grantsPerCausePerYear < 1) {
            p.add(new FieldViolation("grantsPerCausePerYear", "「同一原因每年救助次数」至少为 1 (must be at least 1)"));
        }
        if (disposableIncomeLine != null) {
            positive(p, "disposableIncomeLine", "支出型临时救助收入标准", disposableIncomeLine);
        }
        if (povertyLine != null) {
            positive(p, "povertyLine", "转介收入标准", povertyLine);
        }
        if (followUpDays < 1 || followUpDays > 3660) {
            p.add(new FieldViolation("followUpDays", "「回访天数」必须在 1 到 3660 之间 (must be 1 to 3660 days)"));
        }
        if (amountRule == null) {
            p.add(required("amountRounding", "金额取整规则"));
        } else if (amountRule.minimum() != null) {
            if (amountRule.minimum().compareTo(MAX_AMOUNT) >= 0) {
                p.add(new FieldViolation("minimumMonthlyAmount", "「每月最低发放金额」过大 (is implausibly large)"));
            } else if (dibaoStandard != null && amountRule.minimum().compareTo(dibaoStandard) > 0) {
                p.add(new FieldViolation("minimumMonthlyAmount",
                        "「每月最低发放金额」不能高于低保标准 (must not exceed the 低保 standard)"));
            }
        }
        if (workingAgeFrom < WorkingAge.FROM_MIN || workingAgeFrom > WorkingAge.FROM_MAX) {
            p.add(new FieldViolation("workingAgeFrom", "「劳动年龄起始年龄」必须在 " + WorkingAge.FROM_MIN + " 到 "
                    + WorkingAge.FROM_MAX + " 周岁之间 (must be between " + WorkingAge.FROM_MIN + " and "
                    + WorkingAge.FROM_MAX + ")"));
        }
        if (workingAgeUntil < WorkingAge.UNTIL_MIN || workingAgeUntil > WorkingAge.UNTIL_MAX) {
            p.add(new FieldViolation("workingAgeUntil", "「劳动年龄截止年龄」必须在 " + WorkingAge.UNTIL_MIN + " 到 "
                    + WorkingAge.UNTIL_MAX + " 周岁之间 (must be between " + WorkingAge.UNTIL_MIN + " and "
                    + WorkingAge.UNTIL_MAX + ")"));
        } else if (workingAgeUntil <= workingAgeFrom) {
            p.add(new FieldViolation("workingAgeUntil", "「劳动年龄截止年龄」必须大于「劳动年龄起始年龄」"
                    + "(must be above workingAgeFrom)"));
        }
        if (workingAgeUntilFemale != null && (workingAgeUntilFemale < WorkingAge.UNTIL_MIN
                || workingAgeUntilFemale > WorkingAge.UNTIL_MAX)) {
            p.add(new FieldViolation("workingAgeUntilFemale", "「女性劳动年龄截止年龄」必须在 " + WorkingAge.UNTIL_MIN
                    + " 到 " + WorkingAge.UNTIL_MAX + " 周岁之间，或留空（与男性相同）(must be between "
                    + WorkingAge.UNTIL_MIN + " and " + WorkingAge.UNTIL_MAX + ", or null)"));
        } else if (workingAgeUntilFemale != null && workingAgeUntilFemale <= workingAgeFrom) {
            p.add(new FieldViolation("workingAgeUntilFemale", "「女性劳动年龄截止年龄」必须大于「劳动年龄起始年龄」"
                    + "(must be above workingAgeFrom)"));
        }
        if (enrolmentRules == null) {
            p.add(required("reviewMonthsStable", "保障对象管理规则"));
        } else {
            enrolmentRules.addProblems(p);
        }
        if (allowances == null) {
            p.add(required("elderlyAge", "分类施保"));
        } else {
            allowances.addProblems(p);
        }
        return p;
    }

    private static FieldViolation required(String field, String label) {
        return new FieldViolation(field, "「" + label + "」必须填写 (is required)");
    }

    private static void positive(List<FieldViolation> p, String field, String label, BigDecimal value) {
        if (value == null) {
            p.add(required(field, label));
        } else if (value.signum() <= 0) {
            p.add(new FieldViolation(field, "「" + label + "」必须大于 0 (must be positive)"));
        } else {
            amount(p, field, label, value);
        }
    }

    private static void notNegative(List<FieldViolation> p, String field, String label, BigDecimal value) {
        if (value == null) {
            p.add(required(field, label));
        } else if (value.signum() < 0) {
            p.add(new FieldViolation(field, "「" + label + "」不能为负数 (must not be negative)"));
        } else {
            amount(p, field, label, value);
        }
    }

    private static void amount(List<FieldViolation> p, String field, String label, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > 2) {
            p.add(new FieldViolation(field, "「" + label + "」至多两位小数（分）(has more than two decimals)"));
        } else if (value.compareTo(MAX_AMOUNT) >= 0) {
            p.add(new FieldViolation(field, "「" + label + "」过大 (is implausibly large)"));
        }
    }
}
