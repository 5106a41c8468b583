package org.doudi.enrolment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.doudi.cases.CaseApproved;
import org.doudi.household.Household;
import org.doudi.region.CountyPolicy;
import org.doudi.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enrolments (保障对象): created from approved cases, once per case. What later changes them (reviews,
 * reported changes, stops) calls the verbs of {@link Enrolment} through here.
 */
@Service
public class Enrolments {

    private static final Logger log = LoggerFactory.getLogger(Enrolments.class);

    private final EnrolmentRepository enrolments;
    private final RegionService regions;
    private final EntityManager entityManager;
    private final Clock clock;

    Enrolments(EnrolmentRepository enrolments, RegionService regions, EntityManager entityManager, Clock clock) {
        this.enrolments = enrolments;
        this.regions = regions;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * The enrolment of an approved case: created if the case has none, else the one it has (an event delivered
     * twice creates one enrolment). The county's policy in force in the month of the approval says whether
     * benefits start the day after it (its month in proportion) or on the first of the next month; the version
     * in force in that first month gives the review interval and the 分类施保 lines. A case enrolled meanwhile
     * by another delivery ({@code uq_enrolment_source_case}), or a covered person enrolled in the programme by
     * another case ({@code enrolment_coverage}), is refused by the database: {@link EnrolmentRefusedException},
     * nothing stored, and the event is delivered again later.
     */
    @Transactional
    public Enrolment enrol(CaseApproved approved) {
        Optional<Enrolment> existing = enrolments.findByCaseId(approved.caseId());
        if (existing.isPresent()) {
            log.info("case {} is enrolled already as {}", approved.caseNumber(), existing.get().enrolmentNumber());
            return existing.get();
        }
        Household household = entityManager.find(Household.class, approved.householdId());
        if (household == null) {
            throw new IllegalStateException("case " + approved.caseNumber() + ": no household " + approved.householdId());
        }
        CountyPolicy decidedUnder = regions.policyOf(approved.countyCode(), YearMonth.from(approved.approvedOn()));
        LocalDate since = Enrolment.firstDayCovered(approved.approvedOn(),
                decidedUnder.enrolmentRules().prorateFirstMonth());
        CountyPolicy policy = regions.policyOf(approved.countyCode(), YearMonth.from(since));
        Enrolment e = Enrolment.enrol(approved, household, since, policy, clock.instant());
        try {
            enrolments.saveAndFlush(e);
        } catch (DataIntegrityViolationException refused) {
            throw new EnrolmentRefusedException(approved.caseNumber());
        }
        e.assignNumber();
        log.info("case {} enrolled as {}: {} of {} people covered, {} per month from {}, {} (next review {})",
                approved.caseNumber(), e.enrolmentNumber(), e.coveredPeople(), e.householdSize(),
                e.currentAmount().amount(), since, e.reviewClass(), e.nextReviewDue());
        return e;
    }

    /** The enrolment a case started, if any. */
    @Transactional(readOnly = true)
    public Optional<String> numberOfCase(Long caseId) {
        return enrolments.findNumberByCaseId(caseId);
    }

    /** An enrolment by its number, for reading. */
    @Transactional(readOnly = true)
    public Optional<Enrolment> find(String enrolmentNumber) {
        return enrolments.findByEnrolmentNumber(enrolmentNumber);
    }

    /** Whether a case has its enrolment. */
    @Transactional(readOnly = true)
    public boolean exists(Long caseId) {
        return enrolments.existsByCaseId(caseId);
    }
}
