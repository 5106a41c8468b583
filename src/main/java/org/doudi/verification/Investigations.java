package org.doudi.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Collectors;

import org.doudi.TimeConfig;
import org.doudi.cases.AssistanceCase;
import org.doudi.cases.CaseRecords;
import org.doudi.cases.CaseRepository;
import org.doudi.cases.Programme;
import org.doudi.cases.TimelineStep;
import org.doudi.household.CareLevel;
import org.doudi.household.Household;
import org.doudi.household.HouseholdMember;
import org.doudi.region.CountyPolicy;
import org.doudi.region.RegionService;
import org.doudi.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household investigation after data verification: records the home visit, prepares the inputs of
 * the eligibility tables and records what they decided, with the amount it would pay.
 */
@Service
@Transactional
public class Investigations {

    private final CaseRepository cases;
    private final HomeVisitRepository visits;
    private final IncomeAssessmentRepository assessments;
    private final RegionService regions;
    private final CaseRecords records;
    private final Clock clock;

    Investigations(CaseRepository cases, HomeVisitRepository visits, IncomeAssessmentRepository assessments,
            RegionService regions, CaseRecords records, Clock clock) {
        this.cases = cases;
        this.visits = visits;
        this.assessments = assessments;
        this.regions = regions;
        this.records = records;
        this.clock = clock;
    }

    public HomeVisit recordHomeVisit(String caseNumber, HomeVisitReport report, String actor) {
        AssistanceCase c = load(caseNumber);
        String unmanaged = report.unmanagedActivities().stream().map(Enum::name).collect(Collectors.joining(","));
        HomeVisit visit = visits.save(new HomeVisit(c.id(), report.income(), report.assetsWithinLimit(),
                report.hasAbleSupporter(), unmanaged.isEmpty() ? null : unmanaged,
                c.programme() == Programme.TEKUN ? report.wantsCentralisedCare() : null, report.notes(), actor,
                clock.instant()));
        records.step(c, TimelineStep.HOME_VISIT, actor, "visited", report.notes());
        return visit;
    }

    /** What the eligibility tables decide on. */
    public record RuleInputs(BigDecimal perCapitaIncome, BigDecimal dibaoStandard, BigDecimal singlePersonLine,
            BigDecimal disposableIncomeLine,
            boolean assetsWithinLimit, boolean severeMemberPresent, int applicantAge,
            boolean applicantSeverelyDisabled, boolean applicantAbleToWork, boolean hasAbleSupporter,
            int unmanagedActivities, boolean wantsCentralisedCare) {
    }

    @Transactional(readOnly = true)
    public RuleInputs ruleInputs(String caseNumber) {
        AssistanceCase c = load(caseNumber);
        HomeVisit visit = latestVisit(c);
        CountyPolicy policy = regions.policyOf(c.countyCode());
        Household household = c.household();
        IncomeCalculator.Computation income = IncomeCalculator.compute(visit.income(), assessedSize(c));
        HouseholdMember applicant = household.applicant();
        return new RuleInputs(income.perCapitaIncome(), policy.dibaoStandard(),
                policy.dibaoStandard().multiply(policy.singlePersonFactor()), policy.disposableIncomeLine(),
                visit.assetsWithinLimit(),
                !household.severelyDisabledOrIll().isEmpty(), applicant.ageOn(TimeConfig.today(clock)),
                applicant.isSeverelyDisabledOrIll(), applicant.ableToWork(), hasAbleSupporter(visit, household),
                visit.unmanagedActivityCount(), visit.wantsCentralised());
    }

    /**
     * The assessment and its amount, after the tables decided; the township review comes next. It runs
     * in the transaction of the home visit, whose investigator is the actor.
     */
    public IncomeAssessment recordAssessment(String caseNumber, Eligibility outcome, CareLevel careLevel,
            SupportMode supportMode, String actor) {
        AssistanceCase c = load(caseNumber);
        HomeVisit visit = latestVisit(c);
        CountyPolicy policy = regions.policyOf(c.countyCode());
        IncomeCalculator.Computation income = IncomeCalculator.compute(visit.income(), assessedSize(c));

        IncomeAssessment.EnrolmentUnit unit;
        int persons;
        BigDecimal amount;
        switch (outcome) {
            case ELIGIBLE_HOUSEHOLD -> {
                unit = IncomeAssessment.EnrolmentUnit.HOUSEHOLD;
                persons = income.householdSize();
                amount = IncomeCalculator.shortfall(policy.dibaoStandard(), persons, income.countedIncome());
            }
            case ELIGIBLE_SINGLE_PERSON -> {
                // Each severely disabled or ill member is a household of one without income of his own.
                unit = IncomeAssessment.EnrolmentUnit.SINGLE_PERSON;
                persons = c.household().severelyDisabledOrIll().size();
                amount = IncomeCalculator.shortfall(policy.dibaoStandard(), persons, BigDecimal.ZERO);
            }
            case ELIGIBLE_EXPENDITURE -> {
                // The county decides the amount; the township proposes what was asked for.
                unit = IncomeAssessment.EnrolmentUnit.HOUSEHOLD;
                persons = income.householdSize();
                amount = c.requestedAmount() == null ? BigDecimal.ZERO : c.requestedAmount();
            }
            case ELIGIBLE -> {
                unit = IncomeAssessment.EnrolmentUnit.PERSON;
                persons = 1;
                CareLevel level = careLevel == null ? CareLevel.SELF_CARE : careLevel;
                amount = policy.tekunBasicStandard().add(policy.tekunCareAllowance(level));
            }
            default -> {
                unit = IncomeAssessment.EnrolmentUnit.NONE;
                persons = 0;
                amount = Money.ZERO;
            }
        }
        // The line the household was measured against: 低保标准, or the 支出型 line for temporary assistance.
        BigDecimal standard = c.programme() == Programme.TEMPORARY ? policy.disposableIncomeLine()
                : policy.dibaoStandard();
        IncomeAssessment assessment = assessments.save(new IncomeAssessment(c.id(), visit.id(), income,
                standard, outcome, unit, persons, Money.of(amount),
                c.programme() == Programme.TEKUN ? careLevel : null,
                c.programme() == Programme.TEKUN ? supportMode : null, clock.instant()));
        c.investigationCompleted();
        records.step(c, TimelineStep.INCOME_ASSESSMENT, actor, outcome.name(), summary(assessment));
        return assessment;
    }

    @Transactional(readOnly = true)
    public Optional<IncomeAssessment> latestAssessment(AssistanceCase c) {
        return assessments.findFirstByCaseIdOrderByIdDesc(c.id());
    }

    @Transactional(readOnly = true)
    public Optional<HomeVisit> latestHomeVisit(AssistanceCase c) {
        return visits.findFirstByCaseIdOrderByIdDesc(c.id());
    }

    /** 低保 counts the whole household; 特困 looks at the applicant alone. */
    private static int assessedSize(AssistanceCase c) {
        return c.programme() == Programme.TEKUN ? 1 : c.household().size();
    }

    /** As judged on the visit, or presumed: a spouse, child or parent of working ability. */
    private static boolean hasAbleSupporter(HomeVisit visit, Household household) {
        if (visit.hasAbleSupporter() != null) {
            return visit.hasAbleSupporter();
        }
        return household.members().stream().skip(1)
                .anyMatch(m -> m.relation().isLegalSupporter() && m.ableToWork());
    }

    private HomeVisit latestVisit(AssistanceCase c) {
        return visits.findFirstByCaseIdOrderByIdDesc(c.id())
                .orElseThrow(() -> new IllegalStateException("case " + c.caseNumber() + " has no home visit"));
    }

    private AssistanceCase load(String caseNumber) {
        return cases.requireWithHousehold(caseNumber);
    }

    /** The assessment in Chinese, as the review forms show it. */
    public static String summary(IncomeAssessment a) {
        StringBuilder s = new StringBuilder();
        s.append("计入收入：").append(Money.format(a.countedIncome())).append("/月");
        s.append("（扣减 ").append(Money.format(a.deductions()));
        s.append("，不计入 ").append(Money.format(a.excludedIncome())).append("）");
        s.append("\n核算人口：").append(a.householdSize()).append(" 人，人均收入：")
                .append(Money.format(a.perCapitaIncome().setScale(2, RoundingMode.DOWN)));
        s.append("，对照标准：").append(Money.format(a.standard()));
        if (a.careLevel() != null) {
            s.append("\n自理能力：").append(a.careLevel().label());
        }
        if (a.supportMode() != null) {
            s.append("，供养方式：").append(a.supportMode().label());
        }
        s.append("\n判定：").append(a.outcome().label());
        if (a.outcome() == Eligibility.ELIGIBLE_EXPENDITURE) {
            s.append("\n申请救助金额：").append(Money.format(a.proposedAmount())).append("（由县级审核确认）");
        } else if (a.outcome().isEligible()) {
            s.append("\n拟保障金额：").append(Money.format(a.proposedAmount())).append("/月（")
                    .append(a.enrolledPersons()).append(" 人）");
        }
        // Two spaces before a line break: a hard line break in the forms' Markdown text.
        return s.toString().replace("\n", "  \n");
    }
}
