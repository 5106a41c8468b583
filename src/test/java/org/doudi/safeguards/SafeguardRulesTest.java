package org.doudi.safeguards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.doudi.cases.StaffRelation;
import org.doudi.household.Household;
import org.doudi.household.HouseholdMember;
import org.doudi.household.Person;
import org.doudi.household.Relation;
import org.doudi.household.ResidentId;
import org.doudi.test.ResidentIds;
import org.doudi.verification.VerificationObjectionPeriod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of the safeguards, written from the 2021 低保 审核确认办法 and docs/safeguards.md: who signs the
 * 核对授权书 (every member 18 or older on the acceptance day, the applicant included), the near relations
 * to staff, and the period to object to an ineligible verification result.
 */
class SafeguardRulesTest {

    @ParameterizedTest(name = "{0} years old on the acceptance day → signs: {1}")
    @CsvSource({
            "0, false",
            "16, false",
            "17, false",
            "18, true",
            "19, true",
            "45, true",
            "90, true" })
    void everyAdultSignsTheAuthorisation(int age, boolean signs) {
        assertThat(Authorisations.mustSign(age)).isEqualTo(signs);
    }

    /** Birthdays around the acceptance day: 18 on the day counts, 18 tomorrow does not. */
    @ParameterizedTest(name = "born {0}, accepted {1} → adults: {2}")
    @CsvSource({
            "2008-03-10, 2026-03-10, 2",
            "2008-03-11, 2026-03-10, 1",
            "2008-03-09, 2026-03-10, 2",
            "2009-01-01, 2026-03-10, 1",
            "1950-06-30, 2026-03-10, 2" })
    void adultsAreCountedOnTheAcceptanceDay(LocalDate memberBorn, LocalDate acceptanceDay, int adults) {
        Person applicant = new Person("申请人", new ResidentId(ResidentIds.of("130102", LocalDate.of(1980, 5, 1), 11)),
                Relation.SELF, null, null, false, null);
        Person member = new Person("成员", new ResidentId(ResidentIds.of("130102", memberBorn, 12)), Relation.CHILD,
                null, null, false, null);
        Household h = new Household("130102100201", applicant, List.of(member), Instant.now(), acceptanceDay);
        List<HouseholdMember> found = Authorisations.adults(h, acceptanceDay);
        assertThat(found).hasSize(adults);
        assertThat(found.get(0).name()).isEqualTo("申请人");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "SPOUSE, SPOUSE",
            "配偶, SPOUSE",
            "父母, PARENT",
            "child, CHILD",
            "兄弟姐妹, SIBLING",
            "其他近亲属, OTHER_NEAR_RELATIVE",
            "other_near_relative, OTHER_NEAR_RELATIVE" })
    void nearRelationsToStaff(String given, StaffRelation expected) {
        assertThat(StaffRelation.parse(given)).contains(expected);
    }

    @ParameterizedTest(name = "{0} is no near relation")
    @CsvSource({ "neighbour", "同事", "NONE" })
    void otherRelationsAreRefused(String given) {
        assertThat(StaffRelation.parse(given)).isEmpty();
    }

    /**
     * The day the applicant is told is not counted; the period ends at midnight China Standard Time after
     * its last day (as the public notice is counted).
     */
    @ParameterizedTest(name = "told {0}, period {1} → objections until {2} (inclusive)")
    @CsvSource({
            "2026-03-02, P7D, 2026-03-09",
            "2026-03-02, P1D, 2026-03-03",
            "2026-02-26, P7D, 2026-03-05",
            "2026-12-28, P10D, 2027-01-07" })
    void theObjectionPeriodRunsInCalendarDaysFromTheDayAfterTheNotice(LocalDate told, Period period,
            LocalDate lastDay) {
        Instant ends = new VerificationObjectionPeriod(period).endsFor(told);
        assertThat(ends).isEqualTo(lastDay.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toInstant());
    }

    @ParameterizedTest(name = "period {0} is refused")
    @CsvSource({ "P0D", "P-1D", "P1M" })
    void theObjectionPeriodIsAPositiveNumberOfDays(Period period) {
        assertThatThrownBy(() -> new VerificationObjectionPeriod(period))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
