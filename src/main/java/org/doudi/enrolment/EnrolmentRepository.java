package org.doudi.enrolment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    Optional<Enrolment> findByCaseId(Long caseId);

    boolean existsByCaseId(Long caseId);

    Optional<Enrolment> findByEnrolmentNumber(String enrolmentNumber);

    /** The number of the enrolment a case started, if any (without loading it). */
    @Query("select e.enrolmentNumber from Enrolment e where e.caseId = :caseId")
    Optional<String> findNumberByCaseId(Long caseId);
}
