package org.doudi.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.doudi.TimeConfig;
import org.doudi.household.Household;
import org.doudi.household.HouseholdMember;

/**
 * A 低保 or 特困 case was approved and the approval carried out (纳入保障). Registered by
 * {@link AssistanceCase#approve} and published when the case is saved; listeners in other modules (the
 * enrolment) run after the commit, each in a transaction of its own, through Modulith's event publication
 * registry: a listener that fails is delivered the event again, never loses it. The event carries what such a
 * listener needs without reading the case's internals; it is stored as JSON until every listener completed.
 *
 * @param caseId the case's id (the enrolment's source, {@code uq_enrolment_source_case})
 * @param householdId the household as the application declared it
 * @param monthlyAmount what the approval granted per month (BASE of the enrolment's amount)
 * @param unit who is enrolled: the household, members alone (单人户), one person (特困)
 * @param coveredPeople how many people the amount is for
 * @param coveredPositions the positions in the household ({@link HouseholdMember#position()}) of those people:
 *        every member (HOUSEHOLD), the severely disabled or seriously ill members the assessment enrolled
 *        alone (SINGLE_PERSON), the applicant (PERSON)
 * @param approvedAt when the approval was carried out
 * @param approvedOn that day in China Standard Time; the benefit runs from the month after
 * @param approvedBy who took the approving decision (审核确认)
 */
public record CaseApproved(Long caseId, String caseNumber, Programme programme, Long householdId, String villageCode,
        String townshipCode, String countyCode, BigDecimal monthlyAmount, ApprovedBenefit.Unit unit,
        int coveredPeople, List<Integer> coveredPositions, Instant approvedAt, LocalDate approvedOn,
        String approvedBy) {

    public CaseApproved {
        coveredPositions = List.copyOf(coveredPositions);
        if (coveredPositions.size() != coveredPeople) {
            throw new IllegalArgumentException("case " + caseNumber + ": " + coveredPeople + " people covered but "
                    + coveredPositions.size() + " positions");
        }
    }

    /** The event of a case whose approval was carried out with this benefit, on the decision of {@code approvedBy}. */
    public static CaseApproved of(AssistanceCase c, ApprovedBenefit benefit, String approvedBy) {
        List<Integer> covered = coveredPositions(c.household(), benefit.unit());
        if (covered.size() != benefit.persons()) {
            throw new IllegalStateException("case " + c.caseNumber() + ": the approval is for " + benefit.persons()
                    + " people, the household has " + covered.size() + " of its unit " + benefit.unit());
        }
        return new CaseApproved(c.id(), c.caseNumber(), c.programme(), c.household().id(), c.villageCode(),
                c.townshipCode(), c.countyCode(), benefit.monthlyAmount(), benefit.unit(), covered.size(), covered,
                benefit.enrolledAt(), benefit.enrolledAt().atZone(TimeConfig.LEGAL_ZONE).toLocalDate(), approvedBy);
    }

    /**
     * Whom an approval of the unit covers, as the assessment counted them: the whole household; for 单人户 each
     * severely disabled or seriously ill member (each a household of one); for 特困 the applicant.
     */
    static List<Integer> coveredPositions(Household household, ApprovedBenefit.Unit unit) {
        return switch (unit) {
            case HOUSEHOLD -> household.members().stream().map(HouseholdMember::position).toList();
            case SINGLE_PERSON -> household.severelyDisabledOrIll().stream().map(HouseholdMember::position).toList();
            case PERSON -> List.of(household.applicant().position());
        };
    }
}
