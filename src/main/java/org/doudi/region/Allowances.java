package org.doudi.region;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.doudi.shared.FieldViolation;

/**
 * 分类施保: the extra monthly allowances a county pays, per policy version, to each member of an enrolled 低保
 * household in a category: elderly (from {@code elderlyAge}), minors (under 18), severely disabled (grade 1–2)
 * and seriously ill. Each is a percent of the 低保标准 or a fixed amount in 元, or none ({@code null}). A member
 * in several categories receives each.
 *
 * @param elderlyAge from this birthday on a member counts as elderly (50–100; usually 60)
 */
public record Allowances(int elderlyAge, Allowance elderly, Allowance minor, Allowance severeDisability,
        Allowance seriousIllness) {

    /** No allowances, elderly from 60: what V18 gave every county. */
    public static final Allowances NONE = new Allowances(60, null, null, null, null);

    /** Under this age a member is a minor (未成年人). */
    public static final int ADULT_AGE = 18;

    /** How an allowance is set. */
    public enum Basis {
        /** A percent of the 低保标准 of the version (0–100). */
        PERCENT,
        /** A fixed amount in 元 per month. */
        FIXED;

        public static Optional<Basis> parse(String s) {
            try {
                return s == null ? Optional.empty() : Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * One category's allowance. Read from a request or the database as the pair it is stored as; both or
     * neither must be given ({@link Allowances#problems}).
     */
    public record Allowance(Basis basis, BigDecimal value) {

        /** The pair as stored: {@code null} when neither is set. */
        public static Allowance of(Basis basis, BigDecimal value) {
            return basis == null && value == null ? null : new Allowance(basis, value);
        }

        /**
         * The monthly amount for a member, exact (a percent of the standard may have more decimals than the
         * fen): the county's rounding rule applies to it as a line of the amount.
         */
        public BigDecimal monthly(BigDecimal dibaoStandard) {
            return basis == Basis.PERCENT ? dibaoStandard.multiply(value).movePointLeft(2) : value;
        }

        /** In Chinese, e.g. {@code 低保标准的 10%} or {@code 每月 50.00 元}. */
        public String describe() {
            return basis == Basis.PERCENT ? "低保标准的 " + value.stripTrailingZeros().toPlainString() + "%"
                    : "每月 " + value.setScale(2) + " 元";
        }
    }

    void addProblems(List<FieldViolation> p) {
        if (elderlyAge < 50 || elderlyAge > 100) {
            p.add(new FieldViolation("elderlyAge", "「老年人年龄」必须在 50 到 100 周岁之间 (must be 50 to 100)"));
        }
        check(p, "elderlyAllowance", "老年人分类施保", elderly);
        check(p, "minorAllowance", "未成年人分类施保", minor);
        check(p, "severeDisabilityAllowance", "重度残疾人分类施保", severeDisability);
        check(p, "seriousIllnessAllowance", "重病患者分类施保", seriousIllness);
    }

    private static void check(List<FieldViolation> p, String field, String label, Allowance a) {
        if (a == null) {
            return;
        }
        if (a.basis() == null) {
            p.add(new FieldViolation(field + "Basis", "「" + label + "方式」必须与金额或比例一同填写：PERCENT（按低保标准的百分比）"
                    + "或 FIXED（固定金额）(is required with " + field + ")"));
        } else if (a.value() == null) {
            p.add(new FieldViolation(field, "「" + label + "」必须与方式一同填写 (is required with " + field + "Basis)"));
        }
        if (a.value() == null) {
            return;
        }
        if (a.value().signum() < 0 || a.value().stripTrailingZeros().scale() > 2) {
            p.add(new FieldViolation(field, "「" + label + "」不能为负数、至多两位小数 (must not be negative, two decimals"
                    + " at most)"));
        } else if (a.basis() == Basis.PERCENT && a.value().compareTo(new BigDecimal("100")) > 0) {
            p.add(new FieldViolation(field, "「" + label + "」按百分比时必须在 0 到 100 之间 (a percent from 0 to 100)"));
        } else if (a.basis() == Basis.FIXED && a.value().compareTo(new BigDecimal("100000")) >= 0) {
            p.add(new FieldViolation(field, "「" + label + "」过大 (is implausibly large)"));
        }
    }
}
