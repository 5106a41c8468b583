package org.doudi.verification;

import java.util.Optional;

/**
 * Outcomes of the eligibility tables {@code DibaoEligibility}, {@code TekunEligibility} and
 * {@code TemporaryEligibility} (processes/*.dmn). A designer may change the rules; the outcome names are the contract between the
 * tables and the code.
 */
public enum Eligibility {
    /** 低保: the whole household is enrolled, per-capita income under the standard. */
    ELIGIBLE_HOUSEHOLD(true, "符合条件：家庭人均收入低于低保标准，全户纳入"),
    /** 低保 单人户: severely disabled or ill members of a family under the edge line are enrolled alone. */
    ELIGIBLE_SINGLE_PERSON(true, "符合条件：低保边缘家庭中的重度残疾人或重病患者，按单人户纳入"),
    /** 特困: no ability to work, no means, no able supporter. */
    ELIGIBLE(true, "符合特困人员认定条件"),
    /** 支出型临时救助: per-capita disposable income under the county's line. */
    ELIGIBLE_EXPENDITURE(true, "符合条件：家庭人均可支配收入低于当地支出型临时救助标准"),
    INELIGIBLE_INCOME(false, "不符合条件：家庭人均收入不低于当地标准"),
    INELIGIBLE_ASSETS(false, "不符合条件：家庭财产状况不符合规定"),
    INELIGIBLE_ABLE_TO_WORK(false, "不符合条件：具有劳动能力"),
    INELIGIBLE_SUPPORTER(false, "不符合条件：有具备赡养、抚养、扶养能力的法定义务人");

    private final boolean eligible;
    private final String label;

    Eligibility(boolean eligible, String label) {
        this.eligible = eligible;
        this.label = label;
    }

    public boolean isEligible() {
        return eligible;
    }

    public String label() {
        return label;
    }

    /** The label for an assessment of a 特困 applicant's own income ({@code ownIncome}) or a household's. */
    public String label(boolean ownIncome) {
        return ownIncome && this == INELIGIBLE_INCOME ? "不符合条件：本人收入不低于当地低保标准，不属于无生活来源" : label;
    }

    public static Optional<Eligibility> parse(String value) {
        try {
            return Optional.ofNullable(value).map(Eligibility::valueOf);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
