package org.doudi.enrolment;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    Optional<Enrolment> findByCaseId(Long caseId);

    boolean existsByCaseId(Long caseId);

    Optional<Enrolment> findByEnrolmentNumber(String enrolmentNumber);

    /** The enrolment, locked for the change a review or a report makes (one at a time per enrolment). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Enrolment e where e.enrolmentNumber = :number")
    Optional<Enrolment> lockByEnrolmentNumber(String number);

    /** Enrolments whose gradual exit ran out before {@code month} (yyyy-MM), a chunk at a time. */
    @Query("select e.id from Enrolment e where e.status = org.doudi.enrolment.EnrolmentStatus.PHASING_OUT"
            + " and e.phaseOutUntil < :month order by e.id")
    List<Long> findPhaseOutsEndedBefore(String month, Pageable page);

    /** The number of the enrolment a case started, if any (without loading it). */
    @Query("select e.enrolmentNumber from Enrolment e where e.caseId = :caseId")
    Optional<String> findNumberByCaseId(Long caseId);
}
