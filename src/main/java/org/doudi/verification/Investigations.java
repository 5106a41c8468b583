package org.doudi.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
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
import org.doudi.household.WorkAbility;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicy;
import org.doudi.region.RegionService;
import org.doudi.shared.Money;
import org.doudi.shared.TransactionMemo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household investigation after data verification: records the home visit, prepares the inputs of
 * the eligibility tables and records what they decided, with the amount it would pay.
 */
@Service
@Transactional
public class Investigations {

    /** The transaction resource holding the latest assessments this transaction already read, by case id. */
    private static final String LATEST_ASSESSMENT = Investigations.class.getName() + ".latestAssessment";

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
        boolean tekun = c.programme() == Programme.TEKUN;
        HomeVisit visit = visits.save(new HomeVisit(c.id(), report.income(), report.assetsWithinLimit(),
                report.hasAbleSupporter(), unmanaged.isEmpty() ? null : unmanaged,
                tekun ? report.wantsCentralisedCare() : null, report.notes(), actor,
                clock.instant())
                .withWorkAbility(tekun ? report.applicantAbleToWork() : null, tekun ? report.ableToWorkReason() : null));
        records.step(c, TimelineStep.HOME_VISIT, actor, "visited", report.notes());
        return visit;
    }

    /**
     * What the eligibility tables decide on ({@code disposableIncomeLine} for temporary assistance only;
     * {@code applicantIncome} and {@code tekunIncomeLine} for 特困 only).
     *
     * @param perCapitaIncome the household's per-capita income; for 特困 the applicant's own income
     * @param applicantSeverelyDisabled the 单人户 test (重度残疾或重病), not the 特困 one
     * @param applicantAbleToWork 特困: as the investigation found it ({@link TekunWorkAbility}), never as declared
     * @param applicantIncome 特困: the applicant's own counted monthly income
     * @param tekunIncomeLine 特困: the line his own income must be under (无生活来源)
     */
    public record RuleInputs(BigDecimal perCapitaIncome, BigDecimal dibaoStandard, BigDecimal singlePersonLine,
            BigDecimal disposableIncomeLine,
            boolean assetsWithinLimit, boolean severeMemberPresent, int applicantAge,
            boolean applicantSeverelyDisabled, boolean applicantAbleToWork, boolean hasAbleSupporter,
            int unmanagedActivities, boolean wantsCentralisedCare, BigDecimal applicantIncome,
            BigDecimal tekunIncomeLine) {
    }

    @Transactional(readOnly = true)
    public RuleInputs ruleInputs(String caseNumber) {
        AssistanceCase c = load(caseNumber);
        HomeVisit visit = latestVisit(c);
        CountyPolicy policy = regions.policyOf(c.countyCode());
        Household household = c.household();
        IncomeCalculator.Computation income = income(c, visit);
        HouseholdMember applicant = household.applicant();
        LocalDate today = TimeConfig.today(clock);
        boolean tekun = c.programme() == Programme.TEKUN;
        return new RuleInputs(income.perCapitaIncome(), policy.dibaoStandard(),
                policy.dibaoStandard().multiply(policy.singlePersonFactor()),
                c.programme() == Programme.TEMPORARY ? requireDisposableIncomeLine(c, policy) : null,
                visit.assetsWithinLimit(),
                !household.severelyDisabledOrIll().isEmpty(), applicant.ageOn(today),
                applicant.isSeverelyDisabledOrIll(),
                TekunWorkAbility.ableToWork(applicant.presumedUnableToWorkOn(today), visit.applicantAbleToWork()),
                hasAbleSupporter(visit, household, today),
                visit.unmanagedActivityCount(), visit.wantsCentralised(),
                tekun ? income.countedIncome() : null, tekun ? tekunIncomeLine(policy) : null);
    }

    /** Whether the case is a 特困 application. */
    @Transactional(readOnly = true)
    public boolean isTekun(String caseNumber) {
        return cases.require(caseNumber).programme() == Programme.TEKUN;
    }

    /**
     * Why the applicant of a case is presumed unable to work today (特困人员认定办法), or empty: what a
     * home-visit finding departs from.
     */
    @Transactional(readOnly = true)
    public Optional<WorkAbility.Basis> applicantPresumedUnableToWork(String caseNumber) {
        return load(caseNumber).household().applicant().presumedUnableToWorkOn(TimeConfig.today(clock));
    }

    /**
     * The line a 特困 applicant's own monthly income must be under to have no source of living (无生活来源).
     * The county policy has no 特困 income line of its own, so it is the 低保标准, as the 认定办法 says
     * (收入低于当地最低生活保障标准).
     */
    public static BigDecimal tekunIncomeLine(CountyPolicy policy) {
        return policy.dibaoStandard();
    }

    /** 低保 and temporary assistance count the household; 特困 the applicant's own income, undivided. */
    private static IncomeCalculator.Computation income(AssistanceCase c, HomeVisit visit) {
        return c.programme() == Programme.TEKUN ? IncomeCalculator.ownIncome(visit.income())
                : IncomeCalculator.compute(visit.income(), c.household().size());
    }

    /**
     * The assessment and its amount, after the tables decided; the township review comes next. It runs
     * in the transaction of the home visit, whose investigator is the actor. The amount is computed
     * exactly, then rounded as the county's policy in force this month says (and raised to its minimum).
     */
    public IncomeAssessment recordAssessment(String caseNumber, Eligibility outcome, CareLevel careLevel,
            SupportMode supportMode, String actor) {
        AssistanceCase c = load(caseNumber);
        HomeVisit visit = latestVisit(c);
        CountyPolicy policy = regions.policyOf(c.countyCode());
        IncomeCalculator.Computation income = income(c, visit);

        IncomeAssessment.EnrolmentUnit unit;
        int persons;
        MonthlyAmount monthly;
        switch (outcome) {
            case ELIGIBLE_HOUSEHOLD -> {
                unit = IncomeAssessment.EnrolmentUnit.HOUSEHOLD;
                persons = income.householdSize();
                monthly = monthly(unit, persons, income.countedIncome(), null, policy);
            }
            case ELIGIBLE_SINGLE_PERSON -> {
                // Each severely disabled or ill member is a household of one without income of his own.
                unit = IncomeAssessment.EnrolmentUnit.SINGLE_PERSON;
                persons = c.household().severelyDisabledOrIll().size();
                monthly = monthly(unit, persons, BigDecimal.ZERO, null, policy);
            }
            case ELIGIBLE_EXPENDITURE -> {
                // The county decides the amount; the township proposes what was asked for (no monthly rule).
                unit = IncomeAssessment.EnrolmentUnit.HOUSEHOLD;
                persons = income.householdSize();
                BigDecimal asked = c.requestedAmount() == null ? BigDecimal.ZERO : c.requestedAmount();
                monthly = new MonthlyAmount(asked, Money.of(asked), null, policy);
            }
            case ELIGIBLE -> {
                unit = IncomeAssessment.EnrolmentUnit.PERSON;
                persons = 1;
                monthly = monthly(unit, persons, BigDecimal.ZERO, careLevel == null ? CareLevel.SELF_CARE : careLevel,
                        policy);
            }
            default -> {
                unit = IncomeAssessment.EnrolmentUnit.NONE;
                persons = 0;
                monthly = new MonthlyAmount(Money.ZERO, Money.ZERO, null, policy);
            }
        }
        // The line the income was measured against: 低保标准, the 特困 line (the applicant's own income), or the
        // 支出型 line for temporary assistance.
        BigDecimal standard = switch (c.programme()) {
            case TEMPORARY -> requireDisposableIncomeLine(c, policy);
            case TEKUN -> tekunIncomeLine(policy);
            default -> policy.dibaoStandard();
        };
        TransactionMemo.of(LATEST_ASSESSMENT).remove(c.id());
        IncomeAssessment assessment = assessments.save(new IncomeAssessment(c.id(), visit.id(), income,
                standard, outcome, unit, persons, monthly.payable(),
                c.programme() == Programme.TEKUN ? careLevel : null,
                c.programme() == Programme.TEKUN ? supportMode : null, clock.instant())
                .withAmountBasis(Money.of(monthly.computed()),
                        monthly.rule() == null ? null : monthly.rule().describe(), policy.effectiveFrom()));
        c.investigationCompleted();
        records.step(c, TimelineStep.INCOME_ASSESSMENT, actor, outcome.name(), summary(assessment));
        return assessment;
    }

    /**
     * A monthly amount, exact and as paid under a county policy version.
     *
     * @param computed the exact amount (补差, the standard, basic standard plus care)
     * @param payable after the county's rounding rule and minimum
     * @param rule the rule applied, {@code null} where none applies (a 支出型 grant's requested amount)
     * @param policy the version it was computed with
     */
    public record MonthlyAmount(BigDecimal computed, BigDecimal payable, AmountRule rule, CountyPolicy policy) {
    }

    /**
     * The monthly amount of an enrolment unit under a county policy version: 低保 pays the shortfall of
     * the household, 单人户 the full standard to each person (each a household of one, rounded as one),
     * 特困 the basic standard plus the care allowance of the care level.
     */
    static MonthlyAmount monthly(IncomeAssessment.EnrolmentUnit unit, int persons, BigDecimal countedIncome,
            CareLevel careLevel, CountyPolicy policy) {
        AmountRule rule = policy.amountRule();
        return switch (unit) {
            case HOUSEHOLD -> {
                BigDecimal shortfall = IncomeCalculator.shortfall(policy.dibaoStandard(), persons, countedIncome);
                yield new MonthlyAmount(shortfall, rule.apply(shortfall), rule, policy);
            }
            case SINGLE_PERSON -> new MonthlyAmount(
                    IncomeCalculator.shortfall(policy.dibaoStandard(), persons, BigDecimal.ZERO),
                    rule.apply(policy.dibaoStandard()).multiply(BigDecimal.valueOf(persons)), rule, policy);
            case PERSON -> {
                BigDecimal full = policy.tekunBasicStandard()
                        .add(policy.tekunCareAllowance(careLevel == null ? CareLevel.SELF_CARE : careLevel));
                yield new MonthlyAmount(Money.of(full), rule.apply(full), rule, policy);
            }
            case NONE -> new MonthlyAmount(Money.ZERO, Money.ZERO, null, policy);
        };
    }

    /**
     * The monthly amount a 低保 or 特困 approval taken today confirms: the latest assessment's household
     * under the county's policy version in force this month (China Standard Time). A decision uses the
     * standard of the month it is taken in, the benefit is paid from the month after. Where that version is
     * not the one the assessment used and the amount differs, the timeline says so. Without an eligible
     * 低保 or 特困 assessment, what the latest assessment proposed (an approval is refused there anyway).
     */
    public Optional<BigDecimal> amountForDecision(AssistanceCase c, String actor) {
        Optional<IncomeAssessment> latest = latestAssessment(c);
        if (latest.isEmpty() || !latest.get().outcome().isEligible() || c.programme() == Programme.TEMPORARY) {
            return latest.map(IncomeAssessment::proposedAmount);
        }
        IncomeAssessment a = latest.get();
        MonthlyAmount now = monthlyNow(c, a);
        if (now.payable().compareTo(a.proposedAmount()) != 0) {
            records.step(c, TimelineStep.INCOME_ASSESSMENT, actor, "restated_for_decision", restatement(a, now));
        }
        return Optional.of(now.payable());
    }

    /**
     * Why an eligible assessment can no longer be approved this month, or {@code null}: the county's
     * policy changed since, and the household's income is not under the line of the version now in force
     * (a lowered standard or factor). The township must assess again.
     */
    @Transactional(readOnly = true)
    public String reasonIneligibleThisMonth(String caseNumber) {
        AssistanceCase c = cases.require(caseNumber);
        IncomeAssessment a = latestAssessment(c).filter(found -> found.outcome().isEligible()).orElse(null);
        if (a == null || c.programme() == Programme.TEMPORARY) {
            return null;
        }
        CountyPolicy policy = regions.policyOf(c.countyCode());
        if (sameVersion(a, policy)) {
            return null;
        }
        BigDecimal line = switch (a.enrolmentUnit()) {
            case HOUSEHOLD -> policy.dibaoStandard();
            case SINGLE_PERSON -> policy.dibaoStandard().multiply(policy.singlePersonFactor());
            case PERSON -> tekunIncomeLine(policy);
            default -> null;
        };
        if (line == null || a.perCapitaIncome().compareTo(line) < 0) {
            return null;
        }
        return "本县自 " + policy.effectiveFrom() + " 起执行的标准为 " + Money.format(line)
                + (a.ownIncome() ? "，申请人本人月收入 " : "，家庭人均收入 ")
                + Money.format(a.perCapitaIncome().setScale(2, RoundingMode.DOWN))
                + " 已不低于该标准，不能按原核算结果同意，请退回乡镇重新核算 (under the county's policy in force this month "
                + "the household's income is not below the line)";
    }

    /**
     * The assessment as the review forms show it; when this month's policy version would pay a different
     * amount than the assessment proposed, with the amount a decision taken now confirms.
     */
    @Transactional(readOnly = true)
    public String summaryToday(AssistanceCase c, IncomeAssessment a) {
        String summary = summary(a);
        if (!a.outcome().isEligible() || c.programme() == Programme.TEMPORARY) {
            return summary;
        }
        MonthlyAmount now = monthlyNow(c, a);
        if (now.payable().compareTo(a.proposedAmount()) == 0) {
            return summary;
        }
        return summary + "  \n" + restatement(a, now);
    }

    private MonthlyAmount monthlyNow(AssistanceCase c, IncomeAssessment a) {
        return monthly(a.enrolmentUnit(), a.enrolledPersons(), a.countedIncome(), a.careLevel(),
                regions.policyOf(c.countyCode()));
    }

    private static String restatement(IncomeAssessment a, MonthlyAmount now) {
        CountyPolicy p = now.policy();
        return "审核确认按决定当月执行的本县标准（" + p.effectiveFrom() + " 起，低保标准 " + Money.format(p.dibaoStandard())
                + "；" + p.amountRule().describe() + "）计算：每月 " + Money.format(now.payable()) + "（核算时为 "
                + Money.format(a.proposedAmount()) + "）";
    }

    /** Whether the assessment was made with this version (older assessments recorded only the standard). */
    private static boolean sameVersion(IncomeAssessment a, CountyPolicy policy) {
        return a.policyEffectiveFrom() != null ? a.policyEffectiveFrom().equals(policy.effectiveFrom())
                : a.standard().compareTo(policy.dibaoStandard()) == 0;
    }

    /** The 支出型 line; a county without one takes no 支出型 applications, so a case here is a configuration fault. */
    private static BigDecimal requireDisposableIncomeLine(AssistanceCase c, CountyPolicy policy) {
        if (policy.disposableIncomeLine() == null) {
            throw new IllegalStateException("county " + c.countyCode() + " has no 支出型 disposable-income line "
                    + "(county_policy.disposable_income_line) in force; case " + c.caseNumber() + " cannot be assessed");
        }
        return policy.disposableIncomeLine();
    }

    /**
     * The case's latest assessment. Read once per transaction (a decision's checks, its amount and the
     * next task's form each ask); recording an assessment makes the next call read again.
     */
    @Transactional(readOnly = true)
    public Optional<IncomeAssessment> latestAssessment(AssistanceCase c) {
        return TransactionMemo.<Long, Optional<IncomeAssessment>>of(LATEST_ASSESSMENT).computeIfAbsent(c.id(),
                id -> assessments.findFirstByCaseIdOrderByIdDesc(id));
    }

    @Transactional(readOnly = true)
    public Optional<HomeVisit> latestHomeVisit(AssistanceCase c) {
        return visits.findFirstByCaseIdOrderByIdDesc(c.id());
    }

    /**
     * As judged on the visit, or presumed: a spouse, child or parent able to work, by the same rule as the
     * applicant's (age, schooling, disability), never by the application's declaration.
     */
    private static boolean hasAbleSupporter(HomeVisit visit, Household household, LocalDate today) {
        if (visit.hasAbleSupporter() != null) {
            return visit.hasAbleSupporter();
        }
        return household.members().stream().skip(1)
                .anyMatch(m -> m.relation().isLegalSupporter() && m.presumedUnableToWorkOn(today).isEmpty());
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
        if (a.ownIncome()) {
            // 特困 is individual: the applicant's own income against the line, nothing divided.
            s.append("\n核算对象：申请人本人，本人月收入：")
                    .append(Money.format(a.perCapitaIncome().setScale(2, RoundingMode.DOWN)));
            s.append("，对照标准（当地低保标准）：").append(Money.format(a.standard()));
        } else {
            s.append("\n核算人口：").append(a.householdSize()).append(" 人，人均收入：")
                    .append(Money.format(a.perCapitaIncome().setScale(2, RoundingMode.DOWN)));
            s.append("，对照标准：").append(Money.format(a.standard()));
        }
        if (a.careLevel() != null) {
            s.append("\n自理能力：").append(a.careLevel().label());
        }
        if (a.supportMode() != null) {
            s.append("，供养方式：").append(a.supportMode().label());
        }
        s.append("\n判定：").append(a.outcome().label(a.ownIncome()));
        if (a.outcome() == Eligibility.ELIGIBLE_EXPENDITURE) {
            s.append("\n申请救助金额：").append(Money.format(a.proposedAmount())).append("（由县级审核确认）");
        } else if (a.outcome().isEligible()) {
            s.append("\n拟保障金额：").append(Money.format(a.proposedAmount())).append("/月（")
                    .append(a.enrolledPersons()).append(" 人）");
            if (a.amountRule() != null) {
                // The county's rule, and what it changed: the exact amount is kept next to the one paid.
                s.append("\n金额规则：").append(a.amountRule());
                if (a.computedAmount() != null && a.computedAmount().compareTo(a.proposedAmount()) != 0) {
                    s.append("（计算结果 ").append(Money.format(a.computedAmount())).append("）");
                }
            }
        }
        if (a.policyEffectiveFrom() != null) {
            s.append("\n执行标准：本县 ").append(a.policyEffectiveFrom()).append(" 起执行的标准");
        }
        // Two spaces before a line break: a hard line break in the forms' Markdown text.
        return s.toString().replace("\n", "  \n");
    }
}
