package org.doudi.verification;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface IncomeAssessmentRepository extends JpaRepository<IncomeAssessment, Long> {

    Optional<IncomeAssessment> findFirstByCaseIdOrderByIdDesc(Long caseId);
}
