package org.doudi.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.doudi.cases.ApprovedBenefit;
import org.doudi.cases.CaseApproved;
import org.doudi.cases.Programme;
import org.doudi.household.DisabilityCategory;
import org.doudi.household.Household;
import org.doudi.household.Person;
import org.doudi.household.Relation;
import org.doudi.household.ResidentId;
import org.doudi.region.Allowances;
import org.doudi.region.AmountRule;
import org.doudi.region.CountyPolicy;
import org.doudi.region.EnrolmentRules;
import org.doudi.region.PolicyValues;
import org.doudi.test.ResidentIds;
import org.doudi.test.TestCounties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The enrolment aggregate without the database: what an approval creates (members, coverage, review class,
 * 分类施保 lines) and every verb in every status, allowed or refused with its named exception.
 */
class EnrolmentTest {

    static final LocalDate APPROVED_ON = LocalDate.of(2026, 3, 10);
    static final LocalDate SINCE = LocalDate.of(2026, 4, 1);
    static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    /** County A's numbers, its standard 600.00 元, with the demo's 分类施保 and V18's enrolment rules. */
    static final Allowances DEMO_A = new Allowances(60, percent("10"), percent("10"), percent("20"), fixed("50.00"));

    static Allowances.Allowance percent(String value) {
        return new Allowances.Allowance(Allowances.Basis.PERCENT, new BigDecimal(value));
    }

    static Allowances.Allowance fixed(String value) {
        return new Allowances.Allowance(Allowances.Basis.FIXED, new BigDecimal(value));
    }

    static CountyPolicy policy(PolicyValues values) {
        return new CountyPolicy("130102", CountyPolicy.SINCE_ALWAYS, values, "test", NOW);
    }

    static CountyPolicy policy(Allowances allowances) {
        return policy(TestCounties.countyAValues().withAllowances(allowances));
    }

    /** A person born so many years before {@link #SINCE}, a month earlier (the age is the same all month). */
    static Person person(String name, int age, Relation relation) {
        return person(name, age, relation, null, null, false);
    }

    static Person person(String name, int age, Relation relation, Integer grade, DisabilityCategory category,
            boolean ill) {
        String id = ResidentIds.of("130102", SINCE.minusYears(age).minusMonths(1), (int) (Math.random() * 900) + 1);
        return new Person(name, ResidentId.of(id), relation, grade, category, ill, null);
    }

    static Household household(Person applicant, Person... others) {
        return new Household("130102100201", applicant, List.of(others), NOW, APPROVED_ON);
    }

    static CaseApproved approved(Programme programme, Household h, String amount, ApprovedBenefit.Unit unit,
            Integer... covered) {
        return new CaseApproved(42L, "DB-2026-130102100-000042", programme, 7L, "130102100201", "130102100",
                "130102", new BigDecimal(amount), unit, covered.length, List.of(covered), NOW, APPROVED_ON,
                "reviewer1");
    }

    /** A 低保 household of an able applicant (45), an elderly parent (72) and a child (10), amount 800.00. */
    static Enrolment dibaoFamily(CountyPolicy policy) {
        Household h = household(person("户主", 45, Relation.SELF), person("老人", 72, Relation.PARENT),
                person("孩子", 10, Relation.CHILD));
        Enrolment e = Enrolment.enrol(approved(Programme.DIBAO, h, "800.00", ApprovedBenefit.Unit.HOUSEHOLD, 0, 1, 2),
                h, SINCE, policy, NOW);
        ReflectionTestUtils.setField(e, "id", 42L);
        e.assignNumber();
        return e;
    }

    // --- what an approval creates ----------------------------------------------------------------

    @Test
    void aDibaoHouseholdIsPaidTheApprovedAmountPlusOneAllowanceLinePerCoveredMemberAndCategory() {
        Enrolment e = dibaoFamily(policy(DEMO_A));

        assertThat(e.enrolmentNumber()).isEqualTo("BZ-2026-130102100-000042");
        assertThat(e.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(e.sinceMonth()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(e.payeeName()).isEqualTo("户主");
        assertThat(e.householdSize()).isEqualTo(3);
        assertThat(e.coveredPeople()).isEqualTo(3);
        assertThat(e.coveredIdNumbers()).hasSize(3);
        EnrolmentAmount first = e.currentAmount();
        assertThat(first.fromMonth()).isEqualTo(YearMonth.of(2026, 4));
        assertThat(first.reason()).isEqualTo(EnrolmentAmount.Reason.ENROLMENT);
        assertThat(first.decidedBy()).isEqualTo("reviewer1");
        assertThat(first.lines()).extracting(l -> l.kind(), l -> l.memberPosition(), l -> l.amount().toPlainString())
                .containsExactly(tuple(AmountLineKind.BASE, null, "800.00"), tuple(AmountLineKind.ELDERLY, 1, "60.00"),
                        tuple(AmountLineKind.MINOR, 2, "60.00"));
        assertThat(first.amount()).isEqualByComparingTo("920.00");
        // the applicant is able to work: reviewed every six months
        assertThat(e.reviewClass()).isEqualTo(ReviewClass.CHANGING);
        assertThat(e.nextReviewDue()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void percentAllowancesAreRoundedAsTheCountyRoundsAndTheAmountIsTheExactSumOfTheLines() {
        PolicyValues base = TestCounties.values("615.55", "900.00", 2, new AmountRule(AmountRule.Unit.JIAO,
                AmountRule.Mode.DOWN, null));
        Enrolment e = dibaoFamily(policy(base.withAllowances(new Allowances(60, percent("10"), percent("12.5"), null,
                null))));
        // 61.555 to the jiao, down: 61.50; 12.5 % of 615.55 = 76.94375: 76.90
        assertThat(e.currentAmount().lines()).extracting(l -> l.amount().toPlainString())
                .containsExactly("800.00", "61.50", "76.90");
        assertThat(e.currentAmount().amount()).isEqualByComparingTo("938.40");

        Enrolment fen = dibaoFamily(policy(TestCounties.values("615.55", "900.00", 2, AmountRule.EXACT)
                .withAllowances(new Allowances(60, percent("10"), percent("12.5"), null, null))));
        assertThat(fen.currentAmount().lines()).extracting(l -> l.amount().toPlainString())
                .containsExactly("800.00", "61.56", "76.94");
        assertThat(fen.currentAmount().amount()).isEqualByComparingTo("938.50");
    }

    @Test
    void aMemberInSeveralCategoriesGetsEachAllowanceAndTheCountysElderlyAgeDecides() {
        Household h = household(person("老人", 66, Relation.SELF, 1, DisabilityCategory.PHYSICAL, true));
        CaseApproved a = approved(Programme.DIBAO, h, "600.00", ApprovedBenefit.Unit.HOUSEHOLD, 0);
        Enrolment at60 = Enrolment.enrol(a, h, SINCE, policy(DEMO_A), NOW);
        assertThat(at60.currentAmount().lines()).extracting(l -> l.kind(), l -> l.amount().toPlainString())
                .containsExactly(tuple(AmountLineKind.BASE, "600.00"), tuple(AmountLineKind.ELDERLY, "60.00"),
                        tuple(AmountLineKind.SEVERE_DISABILITY, "120.00"),
                        tuple(AmountLineKind.SERIOUS_ILLNESS, "50.00"));
        assertThat(at60.currentAmount().amount()).isEqualByComparingTo("830.00");

        Allowances from70 = new Allowances(70, fixed("40.00"), null, null, null);
        Enrolment at70 = Enrolment.enrol(a, h, SINCE, policy(from70), NOW);
        assertThat(at70.currentAmount().lines()).extracting(EnrolmentAmountLine::kind)
                .containsExactly(AmountLineKind.BASE);
    }

    @Test
    void aSinglePersonEnrolmentCoversOnlyTheMemberTheAssessmentEnrolled() {
        Household h = household(person("父亲", 50, Relation.SELF), person("母亲", 48, Relation.SPOUSE),
                person("重残儿子", 20, Relation.CHILD, 1, DisabilityCategory.PHYSICAL, false));
        Enrolment e = Enrolment.enrol(approved(Programme.DIBAO, h, "600.00", ApprovedBenefit.Unit.SINGLE_PERSON, 2),
                h, SINCE, policy(DEMO_A), NOW);

        assertThat(e.members()).extracting(EnrolmentMember::position, EnrolmentMember::covered)
                .containsExactly(tuple(0, false), tuple(1, false), tuple(2, true));
        assertThat(e.coveredPeople()).isEqualTo(1);
        assertThat(e.householdSize()).isEqualTo(3);
        assertThat(e.coveredIdNumbers()).containsExactly(h.members().get(2).idNumber());
        assertThat(e.currentAmount().lines()).extracting(l -> l.kind(), l -> l.memberPosition(),
                l -> l.amount().toPlainString()).containsExactly(tuple(AmountLineKind.BASE, null, "600.00"),
                        tuple(AmountLineKind.SEVERE_DISABILITY, 2, "120.00"));
        // his parents are of working age
        assertThat(e.reviewClass()).isEqualTo(ReviewClass.CHANGING);
    }

    @Test
    void aTekunPersonIsPaidTheStandardsOnlyAndAnElderlyOneIsReviewedYearly() {
        Household h = household(person("五保老人", 78, Relation.SELF));
        Enrolment e = Enrolment.enrol(approved(Programme.TEKUN, h, "1080.00", ApprovedBenefit.Unit.PERSON, 0), h,
                SINCE, policy(DEMO_A), NOW);

        assertThat(e.currentAmount().lines()).extracting(EnrolmentAmountLine::kind)
                .containsExactly(AmountLineKind.BASE);
        assertThat(e.currentAmount().amount()).isEqualByComparingTo("1080.00");
        assertThat(e.reviewClass()).isEqualTo(ReviewClass.STABLE);
        assertThat(e.nextReviewDue()).isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @Test
    void aTekunPersonFoundUnableToWorkIsStableWhenSeverelyDisabledWhateverHisAge() {
        Household h = household(person("重残者", 40, Relation.SELF, 2, DisabilityCategory.PHYSICAL, false),
                person("兄弟", 38, Relation.SIBLING));
        Enrolment e = Enrolment.enrol(approved(Programme.TEKUN, h, "780.00", ApprovedBenefit.Unit.PERSON, 0), h,
                SINCE, policy(DEMO_A), NOW);
        assertThat(e.members()).extracting(EnrolmentMember::covered, EnrolmentMember::ableToWork)
                .containsExactly(tuple(true, false), tuple(false, true));
        // only the person counts for 特困; his brother is not enrolled
        assertThat(e.reviewClass()).isEqualTo(ReviewClass.STABLE);
    }

    @Test
    void aHouseholdOfElderlyAndSeverelyDisabledWithoutAnAbleWorkerIsReviewedAtTheCountysStableInterval() {
        Household h = household(person("老人", 70, Relation.SELF), person("老伴", 67, Relation.SPOUSE),
                person("重病儿子", 40, Relation.CHILD, null, null, true));
        PolicyValues values = TestCounties.countyAValues().withEnrolmentRules(new EnrolmentRules(18, 3, 6,
                BigDecimal.ONE, false, 20));
        Enrolment ill = Enrolment.enrol(approved(Programme.DIBAO, h, "900.00", ApprovedBenefit.Unit.HOUSEHOLD, 0, 1, 2),
                h, SINCE, policy(values), NOW);
        // the son of 40 is presumed able to work (a serious illness alone does not make him unable): changing
        assertThat(ill.reviewClass()).isEqualTo(ReviewClass.CHANGING);
        assertThat(ill.nextReviewDue()).isEqualTo(LocalDate.of(2026, 7, 1));

        Household old = household(person("老人", 70, Relation.SELF), person("老伴", 67, Relation.SPOUSE));
        Enrolment stable = Enrolment.enrol(approved(Programme.DIBAO, old, "900.00", ApprovedBenefit.Unit.HOUSEHOLD, 0,
                1), old, SINCE, policy(values), NOW);
        assertThat(stable.reviewClass()).isEqualTo(ReviewClass.STABLE);
        assertThat(stable.nextReviewDue()).isEqualTo(LocalDate.of(2027, 10, 1));
    }

    @Test
    void benefitsStartOnTheFirstOfTheNextMonthOrTheDayAfterWhereTheCountyProratesTheFirstMonth() {
        assertThat(Enrolment.firstDayCovered(LocalDate.of(2026, 3, 10), false)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Enrolment.firstDayCovered(LocalDate.of(2026, 12, 31), false)).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Enrolment.firstDayCovered(LocalDate.of(2026, 3, 10), true)).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(Enrolment.firstDayCovered(LocalDate.of(2026, 2, 28), true)).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    // --- verbs, state by state -------------------------------------------------------------------

    /** A verb and the status it leads to from each status that allows it; every other status refuses it. */
    record Verb(String name, Consumer<Enrolment> action, Map<EnrolmentStatus, EnrolmentStatus> allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Verb> VERBS = List.of(
            new Verb("startReview", Enrolment::startReview, Map.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.UNDER_REVIEW,
                    EnrolmentStatus.PHASING_OUT, EnrolmentStatus.UNDER_REVIEW, EnrolmentStatus.SUSPENDED,
                    EnrolmentStatus.UNDER_REVIEW)),
            new Verb("continueAfterReview", e -> e.continueAfterReview(LocalDate.of(2026, 9, 20), ReviewClass.STABLE,
                    LocalDate.of(2027, 10, 1)), Map.of(EnrolmentStatus.UNDER_REVIEW, EnrolmentStatus.ACTIVE)),
            new Verb("adjust", e -> e.adjust(List.of(new EnrolmentAmountLine.Line(AmountLineKind.BASE, null,
                    new BigDecimal("700.00"))), YearMonth.of(2026, 10), "复核后调整", "reviewer1", NOW),
                    Map.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.ACTIVE)),
            new Verb("adjustAfterReview", e -> e.adjustAfterReview(List.of(new EnrolmentAmountLine.Line(
                    AmountLineKind.BASE, null, new BigDecimal("700.00"))), YearMonth.of(2026, 10), "复核后调整",
                    "reviewer1", NOW, LocalDate.of(2026, 9, 20), ReviewClass.CHANGING, LocalDate.of(2027, 3, 1)),
                    Map.of(EnrolmentStatus.UNDER_REVIEW, EnrolmentStatus.ACTIVE)),
            new Verb("phaseOut", e -> e.phaseOut(YearMonth.of(2026, 10), YearMonth.of(2027, 3), new BigDecimal("0.5"),
                    LocalDate.of(2026, 9, 20)),
                    Map.of(EnrolmentStatus.UNDER_REVIEW, EnrolmentStatus.PHASING_OUT)),
            new Verb("suspend", e -> e.suspend(YearMonth.of(2026, 10)), Map.of(EnrolmentStatus.ACTIVE,
                    EnrolmentStatus.SUSPENDED, EnrolmentStatus.UNDER_REVIEW, EnrolmentStatus.SUSPENDED,
                    EnrolmentStatus.PHASING_OUT, EnrolmentStatus.SUSPENDED)),
            new Verb("resume", e -> e.resume(YearMonth.of(2026, 11)), Map.of(EnrolmentStatus.SUSPENDED, EnrolmentStatus.ACTIVE)),
            new Verb("end", e -> e.end(EndReason.DEATH, YearMonth.of(2026, 9), NOW, "caseworker1", null, null),
                    Map.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.ENDED, EnrolmentStatus.UNDER_REVIEW,
                            EnrolmentStatus.ENDED, EnrolmentStatus.PHASING_OUT, EnrolmentStatus.ENDED,
                            EnrolmentStatus.SUSPENDED, EnrolmentStatus.ENDED)));

    /** A fresh enrolment brought to a status by the verbs themselves. */
    static Enrolment in(EnrolmentStatus status) {
        Enrolment e = dibaoFamily(policy(DEMO_A));
        switch (status) {
            case ACTIVE -> {
            }
            case UNDER_REVIEW -> e.startReview();
            case PHASING_OUT -> {
                e.startReview();
                e.phaseOut(YearMonth.of(2026, 8), YearMonth.of(2027, 1), new BigDecimal("0.8"),
                        LocalDate.of(2026, 7, 20));
            }
            case SUSPENDED -> e.suspend(YearMonth.of(2026, 6));
            case ENDED -> e.end(EndReason.MOVED_AWAY, YearMonth.of(2026, 5), NOW, "caseworker1", null, null);
        }
        assertThat(e.status()).isEqualTo(status);
        return e;
    }

    static Stream<Arguments> everyVerbInEveryStatus() {
        List<Arguments> all = new ArrayList<>();
        for (Verb verb : VERBS) {
            for (EnrolmentStatus from : EnrolmentStatus.values()) {
                all.add(Arguments.of(verb, from, verb.allowed().get(from)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1} → {2}")
    @MethodSource("everyVerbInEveryStatus")
    void eachVerbMovesTheStatusWhereItIsAllowedAndIsRefusedWithItsNamedExceptionElsewhere(Verb verb,
            EnrolmentStatus from, EnrolmentStatus to) {
        Enrolment e = in(from);
        int amounts = e.amounts().size();
        if (to != null) {
            verb.action().accept(e);
            assertThat(e.status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> verb.action().accept(e)).isInstanceOf(EnrolmentStateException.class)
                    .hasMessageContaining("保障对象 BZ-2026-130102100-000042 当前为“" + from.label() + "”，不能")
                    .satisfies(t -> assertThat(((EnrolmentStateException) t).status()).isEqualTo(from));
            assertThat(e.status()).isEqualTo(from);
            assertThat(e.amounts()).hasSize(amounts);
        }
    }

    @Test
    void everyStatusButEndedCanBeLeftAndEndedIsFinal() {
        Set<EnrolmentStatus> leavable = EnumSet.noneOf(EnrolmentStatus.class);
        VERBS.forEach(v -> leavable.addAll(v.allowed().keySet()));
        assertThat(leavable).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(EnrolmentStatus.values()).filter(s -> s != EnrolmentStatus.ENDED).toList());
    }

    @Test
    void endingRecordsWhyAndWhatWasOverpaidAndFreesItsPeopleForANewApplication() {
        Enrolment e = in(EnrolmentStatus.UNDER_REVIEW);
        e.end(EndReason.FRAUD, YearMonth.of(2026, 9), NOW, "reviewer1", YearMonth.of(2026, 5), new BigDecimal("3680.00"));

        assertThat(e.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(e.endReason()).isEqualTo(EndReason.FRAUD);
        assertThat(e.lastPaidMonth()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(e.changeMonth()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(e.overpaid()).isEqualByComparingTo("3680.00");
        assertThat(e.endedBy()).isEqualTo("reviewer1");
        assertThat(e.coveredIdNumbers()).isEmpty();
    }

    @Test
    void anAdjustmentTakesEffectFromALaterMonthOnlyAndKeepsTheHistory() {
        Enrolment e = in(EnrolmentStatus.UNDER_REVIEW);
        List<EnrolmentAmountLine.Line> lines = List.of(new EnrolmentAmountLine.Line(AmountLineKind.BASE, null,
                new BigDecimal("700.00")), new EnrolmentAmountLine.Line(AmountLineKind.ELDERLY, 1,
                        new BigDecimal("60.00")));
        LocalDate reviewed = LocalDate.of(2026, 9, 20);
        assertThatThrownBy(() -> e.adjustAfterReview(lines, YearMonth.of(2026, 4), null, "reviewer1", NOW, reviewed,
                ReviewClass.CHANGING, LocalDate.of(2027, 3, 1)))
                .isInstanceOf(EnrolmentStateException.class).hasMessageContaining("2026-04 之后");
        // outside a review only an active enrolment is adjusted (a review decides through adjustAfterReview)
        assertThatThrownBy(() -> e.adjust(lines, YearMonth.of(2026, 10), null, "reviewer1", NOW))
                .isInstanceOf(EnrolmentStateException.class);

        e.adjustAfterReview(lines, YearMonth.of(2026, 10), "复核后收入增加", "reviewer1", NOW, reviewed,
                ReviewClass.CHANGING, LocalDate.of(2027, 3, 1));
        assertThat(e.lastReviewedOn()).isEqualTo(reviewed);

        assertThat(e.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(e.amounts()).extracting(a -> a.fromMonth().toString(), a -> a.amount().toPlainString())
                .containsExactly(tuple("2026-04", "920.00"), tuple("2026-10", "760.00"));
        assertThat(e.amountIn(YearMonth.of(2026, 9)).amount()).isEqualByComparingTo("920.00");
        assertThat(e.amountIn(YearMonth.of(2026, 10)).amount()).isEqualByComparingTo("760.00");
        assertThat(e.amountIn(YearMonth.of(2026, 3)).amount()).as("before it started: the first")
                .isEqualByComparingTo("920.00");
    }

    @Test
    void aSuspensionDuringTheGradualExitResumesIntoItAndAReviewThatContinuesEndsIt() {
        Enrolment e = in(EnrolmentStatus.PHASING_OUT);
        assertThat(e.phaseOutShare()).isEqualByComparingTo("0.8");
        e.suspend(YearMonth.of(2026, 8));
        assertThat(e.suspendedFrom()).isEqualTo(YearMonth.of(2026, 8));
        e.resume(YearMonth.of(2026, 9));
        assertThat(e.status()).isEqualTo(EnrolmentStatus.PHASING_OUT);
        assertThat(e.suspendedFrom()).isNull();
        // the months as the rolls pay them: the share, nothing while suspended, the share again
        assertThat(e.shareIn(YearMonth.of(2026, 7))).isEqualByComparingTo("1");
        assertThat(e.shareIn(YearMonth.of(2026, 8))).isEqualByComparingTo("0");
        assertThat(e.shareIn(YearMonth.of(2026, 9))).isEqualByComparingTo("0.8");

        // income fell again during the gradual exit: the household simply continues
        e.startReview();
        e.continueAfterReview(LocalDate.of(2026, 9, 20), ReviewClass.CHANGING, LocalDate.of(2027, 3, 1));
        assertThat(e.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(e.phaseOutUntil()).isNull();
        assertThat(e.phaseOutShare()).isNull();
        assertThat(e.lastReviewedOn()).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(e.nextReviewDue()).isEqualTo(LocalDate.of(2027, 3, 1));
        // the gradual exit was paid up to the review's month, in full from the next
        assertThat(e.shareIn(YearMonth.of(2026, 9))).isEqualByComparingTo("0.8");
        assertThat(e.shareIn(YearMonth.of(2026, 10))).isEqualByComparingTo("1");
    }

    @Test
    void aGradualExitEndsByItselfOnlyAfterItsLastMonth() {
        Enrolment e = in(EnrolmentStatus.PHASING_OUT);
        assertThat(e.nextReviewDue()).as("no scheduled review inside the period").isEqualTo(LocalDate.of(2027, 2, 1));
        assertThatThrownBy(() -> e.endPhaseOut(YearMonth.of(2027, 1), NOW, "system"))
                .isInstanceOf(EnrolmentStateException.class);
        e.endPhaseOut(YearMonth.of(2027, 2), NOW, "system");
        assertThat(e.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(e.endReason()).isEqualTo(EndReason.PHASE_OUT_ENDED);
        assertThat(e.lastPaidMonth()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(e.coveredIdNumbers()).isEmpty();
    }

    @Test
    void aGradualExitPaysAShareAboveZeroAndAtMostAll() {
        Enrolment e = in(EnrolmentStatus.UNDER_REVIEW);
        assertThatThrownBy(() -> e.phaseOut(YearMonth.of(2026, 10), YearMonth.of(2027, 1), BigDecimal.ZERO,
                LocalDate.of(2026, 9, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.phaseOut(YearMonth.of(2026, 10), YearMonth.of(2027, 1), new BigDecimal("1.01"),
                LocalDate.of(2026, 9, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(e.status()).isEqualTo(EnrolmentStatus.UNDER_REVIEW);
    }
}
