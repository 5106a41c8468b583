package org.doudi.cases;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EnrolmentRepository extends JpaRepository<Enrolment, Long> {

    Optional<Enrolment> findByCaseId(Long caseId);
}
