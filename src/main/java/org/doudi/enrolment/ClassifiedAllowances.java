package org.doudi.enrolment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.doudi.cases.Programme;
import org.doudi.region.Allowances;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicy;
import org.doudi.shared.Money;

/**
 * 分类施保: the lines of a monthly amount. BASE is what the approval granted; a 低保 enrolment adds, for each
 * covered member and each category that applies to him on the day, the county's allowance: elderly (from the
 * county's age), minor (under 18), severely disabled (grade 1–2), seriously ill. 特困 has standards of its own
 * and gets BASE only. Each line is rounded as the county rounds amounts; the amount is their exact sum.
 */
final class ClassifiedAllowances {

    private ClassifiedAllowances() {
    }

    /**
     * @param base the approved monthly amount
     * @param members the enrolled members, in household order
     * @param on the day ages are taken on (the first day covered)
     * @param policy the county's policy version in force in that month
     */
    static List<EnrolmentAmountLine.Line> lines(Programme programme, BigDecimal base, List<EnrolmentMember> members,
            LocalDate on, CountyPolicy policy) {
        List<EnrolmentAmountLine.Line> lines = new ArrayList<>();
        lines.add(new EnrolmentAmountLine.Line(AmountLineKind.BASE, null, Money.of(base)));
        if (programme != Programme.DIBAO) {
            return lines;
        }
        Allowances allowances = policy.allowances();
        AmountRule rule = policy.amountRule();
        BigDecimal standard = policy.dibaoStandard();
        for (EnrolmentMember m : members) {
            if (!m.covered()) {
                continue;
            }
            int age = m.ageOn(on);
            add(lines, AmountLineKind.ELDERLY, m, age >= allowances.elderlyAge(), allowances.elderly(), standard, rule);
            add(lines, AmountLineKind.MINOR, m, age < Allowances.ADULT_AGE, allowances.minor(), standard, rule);
            add(lines, AmountLineKind.SEVERE_DISABILITY, m, m.severelyDisabled(), allowances.severeDisability(),
                    standard, rule);
            add(lines, AmountLineKind.SERIOUS_ILLNESS, m, m.seriousIllness(), allowances.seriousIllness(), standard,
                    rule);
        }
        return lines;
    }

    private static void add(List<EnrolmentAmountLine.Line> lines, AmountLineKind kind, EnrolmentMember m,
            boolean applies, Allowances.Allowance allowance, BigDecimal standard, AmountRule rule) {
        if (!applies || allowance == null) {
            return;
        }
        BigDecimal amount = rule.round(allowance.monthly(standard));
        if (amount.signum() > 0) {
            lines.add(new EnrolmentAmountLine.Line(kind, m.position(), amount));
        }
    }
}
