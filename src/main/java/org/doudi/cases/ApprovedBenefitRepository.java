package org.doudi.cases;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApprovedBenefitRepository extends JpaRepository<ApprovedBenefit, Long> {

    Optional<ApprovedBenefit> findByCaseId(Long caseId);
}
